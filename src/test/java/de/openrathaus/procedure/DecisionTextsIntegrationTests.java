// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.openrathaus.TestAccounts;
import de.openrathaus.files.PdfRendererTests;
import de.openrathaus.tenancy.TenantContext;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An administrator sets the municipality's letterhead and a procedure type's remedy notice, sees them
 * in the preview, and the next sealed decision of that type carries them; nobody else may change them.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DecisionTextsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdministratorsTextsAppearInThePreviewAndInTheNextDecision() throws Exception {
		String adminEmail = accounts.clerk("Ada", "organisation");
		TenantContext.runAs(accounts.tenant(), () -> jdbc.sql("insert into account.staff_role(account_id, department_code, role) "
				+ "select id, 'organisation', 'ADMIN' from account.account where email = ?").param(adminEmail).update());
		MockHttpSession admin = TestAccounts.signIn(mvc, adminEmail);
		mvc.perform(get("/admin/bescheidtexte").session(admin)).andExpect(status().isOk())
			.andExpect(content().string(containsString("Hund anmelden")));
		mvc.perform(post("/admin/bescheidtexte").param("art", "briefkopf").param("text", "Stadt Musterstadt\nDer Bürgermeister")
				.session(admin).with(csrf()))
			.andExpect(redirectedUrl("/admin/bescheidtexte")).andExpect(flash().attribute("notice", "decisionTexts.saved"));
		mvc.perform(post("/admin/bescheidtexte").param("art", "rechtsbehelf").param("typ", "hund-anmelden")
				.param("text", "Gegen diesen Bescheid kann innerhalb eines Monats Widerspruch beim Bürgermeister der Stadt Musterstadt erhoben werden.")
				.session(admin).with(csrf()))
			.andExpect(redirectedUrl("/admin/bescheidtexte"));
		// an unknown procedure type and an overlong text change nothing
		mvc.perform(post("/admin/bescheidtexte").param("art", "rechtsbehelf").param("typ", "gibt-es-nicht").param("text", "x")
				.session(admin).with(csrf()))
			.andExpect(flash().attribute("refused", "decisionTexts.unknown"));
		mvc.perform(post("/admin/bescheidtexte").param("art", "briefkopf").param("text", "x".repeat(4001)).session(admin).with(csrf()))
			.andExpect(flash().attribute("refused", "decisionTexts.tooLong"));

		byte[] preview = mvc.perform(get("/admin/bescheidtexte/vorschau").param("typ", "hund-anmelden").session(admin))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		PdfRendererTests.assertPdfA2b(preview);
		assertThat(text(preview)).contains("Der Bürgermeister").contains("Widerspruch beim Bürgermeister");

		// a clerk may not change them
		MockHttpSession clerk = TestAccounts.signIn(mvc, accounts.clerk("Tom", "steuern"));
		mvc.perform(post("/admin/bescheidtexte").param("art", "briefkopf").param("text", "Fremd").session(clerk).with(csrf()))
			.andExpect(status().isForbidden());

		// the next decision of the type carries them, sealed
		MockHttpSession citizen = TestAccounts.signIn(mvc, accounts.citizen("Erika"));
		String id = mvc.perform(post("/portal/antraege").param("leistung", "hund-anmelden").session(citizen).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl().split("/")[3];
		step(citizen, id, "halter", "halter.vorname", "Erika", "halter.nachname", "Mustermann", "halter.geburtsdatum", "12.08.1964");
		step(citizen, id, "anschrift", "anschrift.strasse", "Heidestraße", "anschrift.hausnummer", "17a", "anschrift.plz", "51147",
				"anschrift.ort", "Musterstadt");
		step(citizen, id, "hund", "hund.name", "Bello", "hund.rasse", "Labrador-Mischling", "hund.geburtsdatum", "2022-05-01",
				"hund.chipnummer", "276098765432101", "hund.gehalten_seit", "01.03.2026", "hund.gefaehrlich", "false");
		mvc.perform(multipart("/portal/antraege/" + id + "/schritt/nachweise").param("aktion", "weiter").session(citizen).with(csrf()));
		mvc.perform(post("/portal/antraege/" + id + "/absenden").session(citizen).with(csrf()));
		mvc.perform(post("/backoffice/faelle/" + id + "/uebernehmen").session(clerk).with(csrf()));
		mvc.perform(post("/backoffice/faelle/" + id + "/genehmigen").param("bestaetigt", "ja").session(clerk).with(csrf()));
		byte[] decision = mvc.perform(get("/backoffice/faelle/" + id + "/bescheid").session(clerk)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(text(decision)).contains("Der Bürgermeister").contains("Widerspruch beim Bürgermeister")
			.doesNotContain("Klage beim zuständigen Verwaltungsgericht");
		PdfRendererTests.assertPdfA2b(decision);

		// an administrator revokes it by its reference; the public check shows it; a second time is refused
		String reference = TenantContext.callAs(accounts.tenant(),
				() -> jdbc.sql("select reference from procedure.application where id = ?::uuid").param(id).query(String.class).single());
		mvc.perform(post("/admin/bescheidtexte/widerruf").param("az", reference).param("grund", "Falscher Halter.").session(admin).with(csrf()))
			.andExpect(flash().attribute("notice", "seal.revoke.done"));
		mvc.perform(multipart("/api/v1/verification").file(new org.springframework.mock.web.MockMultipartFile("document", "b.pdf",
				"application/pdf", decision)).with(request -> {
					request.setRemoteAddr("198.51.100.20");
					return request;
				}))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.outcome").value("REVOKED"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.revocationReason").value("Falscher Halter."));
		mvc.perform(post("/admin/bescheidtexte/widerruf").param("az", reference).param("grund", "Nochmal.").session(admin).with(csrf()))
			.andExpect(flash().attribute("refused", "seal.revoke.notPossible"));
		mvc.perform(post("/admin/bescheidtexte/widerruf").param("az", reference).param("grund", "x").session(clerk).with(csrf()))
			.andExpect(status().isForbidden());

		// emptied, the template's own text applies again
		mvc.perform(post("/admin/bescheidtexte").param("art", "rechtsbehelf").param("typ", "hund-anmelden").param("text", " ")
				.session(admin).with(csrf()))
			.andExpect(flash().attribute("notice", "decisionTexts.reset"));
		byte[] again = mvc.perform(get("/admin/bescheidtexte/vorschau").param("typ", "hund-anmelden").session(admin))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(text(again)).doesNotContain("Widerspruch beim Bürgermeister").contains("Klage beim zuständigen Verwaltungsgericht");
	}

	private static String text(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
	}

	private void step(MockHttpSession citizen, String id, String step, String... fields) throws Exception {
		var request = post("/portal/antraege/" + id + "/schritt/" + step).param("aktion", "weiter").session(citizen).with(csrf());
		for (int i = 0; i < fields.length; i += 2) {
			request.param(fields[i], fields[i + 1]);
		}
		mvc.perform(request);
	}
}
