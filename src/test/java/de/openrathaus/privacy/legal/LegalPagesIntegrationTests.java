// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.privacy.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.openrathaus.TestAccounts;
import de.openrathaus.tenancy.TenantContext;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Anyone follows the footer's legal links to pages with the municipality's defaults; a barrier report is kept
 * and mailed to the office; the administrator replaces a text (shown escaped) and the contacts; nobody else can.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LegalPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyFooterLinkLeadsToAPageWithTheMunicipalitysDefaults() throws Exception {
		String start = mvc.perform(get("/leistungen")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		Matcher footer = Pattern.compile("<footer.*</footer>", Pattern.DOTALL).matcher(start);
		assertThat(footer.find()).isTrue();
		List<String> links = Pattern.compile("href=\"(/[^\"?]*)\"").matcher(footer.group()).results().map(m -> m.group(1)).toList();
		assertThat(links).contains("/barrierefreiheit", "/datenschutz", "/impressum");
		for (String link : links) {
			mvc.perform(get(link)).andExpect(status().isOk());
		}
		mvc.perform(get("/impressum")).andExpect(content().string(allOf(containsString("<h1>Impressum</h1>"), containsString("Stadt Musterstadt"))));
		mvc.perform(get("/datenschutz")).andExpect(content().string(allOf(containsString("Datenschutzerklärung"),
				containsString("datenschutz@musterstadt.example"), containsString("Art. 15 DSGVO"))));
		mvc.perform(get("/barrierefreiheit")).andExpect(content().string(allOf(containsString("Erklärung zur Barrierefreiheit"),
				containsString("barrierefreiheit@musterstadt.example"), containsString("ombudsstelle-barrierefreie-it@mags.nrw.de"),
				containsString("name=\"nachricht\""))));
	}

	@Test
	void aBarrierReportIsKeptAndMailedToTheOfficeAndAnEmptyOneIsRefused() throws Exception {
		mvc.perform(post("/barrierefreiheit/rueckmeldung").param("nachricht", "  ").param("kontakt", "leser@example.org").with(csrf()))
			.andExpect(redirectedUrl("/barrierefreiheit#rueckmeldung"))
			.andExpect(flash().attribute("refused", "privacy.feedback.message.required"))
			.andExpect(flash().attribute("contact", "leser@example.org"));
		mvc.perform(post("/barrierefreiheit/rueckmeldung").param("nachricht", "Der Kontrast der Knöpfe im Antrag ist zu gering.")
				.param("seite", "/leistungen").param("kontakt", "leser@example.org").with(csrf()))
			.andExpect(redirectedUrl("/barrierefreiheit")).andExpect(flash().attribute("notice", "privacy.feedback.received"));
		mvc.perform(post("/barrierefreiheit/rueckmeldung").param("nachricht", "ohne Token")).andExpect(status().isForbidden());

		assertThat(inTenant("select count(*) from privacy.accessibility_feedback where message = 'Der Kontrast der Knöpfe im Antrag ist zu gering.'"))
			.isEqualTo(1);
		await().atMost(Duration.ofSeconds(15)).until(() -> inTenant("select count(*) from correspondence.outgoing_mail "
				+ "where recipient = 'barrierefreiheit@musterstadt.example' and body like '%Kontrast der Knöpfe%' and body like '%leser@example.org%'") == 1);
	}

	@Test
	void theAdministratorWritesTheTextsWhichAreShownEscapedAndNobodyElseCan() throws Exception {
		MockHttpSession admin = TestAccounts.signIn(mvc, "verwaltung@musterstadt.example", "Demo-Passwort-2026");
		mvc.perform(get("/admin/rechtliches").session(admin)).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Rechtliche Seiten"), containsString("Standardtext"))));
		mvc.perform(post("/admin/rechtliches/impressum").session(admin).with(csrf())
				.param("text", "## Herausgeberin\n\nStadt Musterstadt <script>alert(1)</script>\nRathausplatz 1\n\n- Telefon 0123 4567\n- E-Mail rathaus@musterstadt.example"))
			.andExpect(redirectedUrl("/admin/rechtliches")).andExpect(flash().attribute("notice", "privacy.legal.saved"));
		mvc.perform(get("/impressum")).andExpect(content().string(allOf(containsString("<h2>Herausgeberin</h2>"),
				containsString("<p>Stadt Musterstadt &lt;script&gt;alert(1)&lt;/script&gt; Rathausplatz 1</p>"),
				containsString("<li>Telefon 0123 4567</li>"), not(containsString("<script>alert")))));

		mvc.perform(post("/admin/rechtliches/kontakte").session(admin).with(csrf()).param("rueckmeldung", "keine Adresse").param("dsb", "DSB"))
			.andExpect(flash().attribute("refused", "privacy.legal.feedbackAddress.invalid"));
		mvc.perform(post("/admin/rechtliches/kontakte").session(admin).with(csrf()).param("rueckmeldung", "it-barrieren@musterstadt.example")
				.param("dsb", "Frau Beispiel, Tel. 0123 999")).andExpect(flash().attribute("notice", "privacy.legal.contacts.saved"));
		mvc.perform(get("/datenschutz")).andExpect(content().string(containsString("Frau Beispiel, Tel. 0123 999")));
		mvc.perform(get("/barrierefreiheit")).andExpect(content().string(containsString("it-barrieren@musterstadt.example")));
		mvc.perform(post("/admin/rechtliches/kontakte").session(admin).with(csrf()).param("rueckmeldung", "barrierefreiheit@musterstadt.example")
				.param("dsb", "Datenschutzbeauftragte der Stadt Musterstadt, datenschutz@musterstadt.example"));

		// emptied: the default again
		mvc.perform(post("/admin/rechtliches/impressum").session(admin).with(csrf()).param("text", " "));
		mvc.perform(get("/impressum")).andExpect(content().string(not(containsString("Herausgeberin"))));

		MockHttpSession citizen = TestAccounts.signIn(mvc, accounts.citizen("Erika"));
		mvc.perform(get("/admin/rechtliches").session(citizen)).andExpect(status().isForbidden());
		mvc.perform(post("/admin/rechtliches/impressum").session(citizen).with(csrf()).param("text", "übernommen"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/admin/rechtliches")).andExpect(status().is3xxRedirection());
	}

	@Test
	void oneConnectionSendsAtMostFiveReportsInTenMinutesAndTheRestIsRefusedWithAMessage() throws Exception {
		String marker = "Flut " + java.util.UUID.randomUUID();
		for (int i = 1; i <= 6; i++) {
			var answer = mvc.perform(post("/barrierefreiheit/rueckmeldung").param("nachricht", marker + " " + i).with(csrf())
				.with(request -> {
					request.setRemoteAddr("203.0.113.77");
					return request;
				}));
			if (i <= 5) {
				answer.andExpect(flash().attribute("notice", "privacy.feedback.received"));
			}
			else {
				answer.andExpect(flash().attribute("refused", "privacy.feedback.tooMany"));
			}
		}
		assertThat(inTenant("select count(*) from privacy.accessibility_feedback where message like '" + marker + "%'")).isEqualTo(5);
		mvc.perform(post("/barrierefreiheit/rueckmeldung").param("nachricht", marker + " von anderswo").with(csrf()).with(request -> {
			request.setRemoteAddr("198.51.100.9");
			return request;
		})).andExpect(flash().attribute("notice", "privacy.feedback.received"));
	}

	private int inTenant(String sql) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql(sql).query(Integer.class).single());
	}
}
