// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import de.openrathaus.account.VerificationRequested;
import de.openrathaus.tenancy.TenantContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Secrets and personal data never reach the log (issue 16, item 7): a citizen registers, mistypes the password
 * once, confirms the address, applies with personal data, a clerk decides, the citizen reads the decision, and
 * nothing the citizen typed in (password, confirmation token, name, birth date, street, chip number, e-mail
 * address) appears in what the application wrote to its log meanwhile.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class LogsHoldNoSecretsIntegrationTests {

	private static final String PASSWORD = "Quellen-Passwort-Geheim-4711";
	private static final String MISTYPED = "Quellen-Passwort-Vertippt-0815";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestEvents events;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aWholeApplicationLeavesNoSecretOrPersonalDataInTheLog(CapturedOutput output) throws Exception {
		String email = "xaverine.quellenbrunn-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
		mvc.perform(post("/registrieren").param("name", "Xaverine Quellenbrunn").param("email", email).param("password", PASSWORD)
				.param("passwordRepeat", PASSWORD).param("consent", "ja").with(csrf()))
			.andExpect(redirectedUrl("/registrieren/bestaetigen"));
		String link = events.of(VerificationRequested.class).stream().filter(v -> v.email().equals(email)).findFirst().orElseThrow()
			.verificationLink();
		String token = link.substring(link.indexOf("token=") + 6);
		mvc.perform(post("/konto/bestaetigen").param("token", token).with(csrf())).andExpect(redirectedUrl("/anmelden?bestaetigt"));
		mvc.perform(post("/anmelden").param("email", email).param("password", MISTYPED).with(csrf()));
		MockHttpSession citizen = TestAccounts.signIn(mvc, email, PASSWORD);
		MockHttpSession clerk = TestAccounts.signIn(mvc, accounts.clerk("Lena", "steuern"));

		String url = mvc.perform(post("/portal/antraege").param("leistung", "hund-anmelden").session(citizen).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl();
		String id = url.split("/")[3];
		step(citizen, id, "halter", "halter.vorname", "Xaverine", "halter.nachname", "Quellenbrunn", "halter.geburtsdatum", "17.03.1961");
		step(citizen, id, "anschrift", "anschrift.strasse", "Eulenhorstweg", "anschrift.hausnummer", "93b", "anschrift.plz", "51147",
				"anschrift.ort", "Musterstadt");
		step(citizen, id, "hund", "hund.name", "Wuschelfried", "hund.rasse", "Labrador-Mischling", "hund.geburtsdatum", "2022-05-01",
				"hund.chipnummer", "276098765439917", "hund.gehalten_seit", "01.03.2026", "hund.gefaehrlich", "false");
		mvc.perform(multipart("/portal/antraege/" + id + "/schritt/nachweise").param("aktion", "weiter").session(citizen).with(csrf()));
		mvc.perform(post("/portal/antraege/" + id + "/absenden").session(citizen).with(csrf()));
		mvc.perform(post("/backoffice/faelle/" + id + "/uebernehmen").session(clerk).with(csrf()));
		mvc.perform(get("/backoffice/faelle/" + id).session(clerk));
		mvc.perform(post("/backoffice/faelle/" + id + "/genehmigen").param("bestaetigt", "ja").session(clerk).with(csrf()));
		await().atMost(Duration.ofSeconds(20)).until(() -> TenantContext.callAs(accounts.tenant(), () -> jdbc.sql(
				"select count(*) from records.record_case c join procedure.application a on a.reference = c.reference "
						+ "where a.id = ?::uuid and c.status = 'CLOSED'").param(id).query(Long.class).single()) == 1);
		mvc.perform(get("/portal/postfach").session(citizen));

		String logged = output.getAll();
		assertThat(logged).as("the application logged during the journey").isNotBlank();
		for (String secret : List.of(PASSWORD, MISTYPED, token, email, "Xaverine", "Quellenbrunn", "17.03.1961", "1961-03-17",
				"Eulenhorstweg", "276098765439917", "Wuschelfried")) {
			assertThat(logged).as("the log must not hold \"" + secret + "\"").doesNotContainIgnoringCase(secret);
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
