// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure;

import static de.openrathaus.FederatedTestSignIn.citizen;
import static de.openrathaus.FederatedTestSignIn.member;
import static de.openrathaus.FederatedTestSignIn.randomSubject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import de.openrathaus.FederatedTestSignIn;
import de.openrathaus.FederatedTestSignIn.Outcome;
import de.openrathaus.TestAccounts;
import de.openrathaus.account.AccountId;
import de.openrathaus.account.TrustLevel;
import de.openrathaus.tenancy.TenantContext;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Procedures with federated sign-in: a session below the procedure's level is sent to BundID for
 * it and comes back to the same step with the draft kept; answers BundID vouched for are prefilled
 * and cannot be overwritten at SUBSTANTIAL; an application records the level it was submitted with;
 * an organisation's applications are seen by its members and by nobody else.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FederatedApplicationIntegrationTests {

	private static final String PERMIT = "bewohnerparkausweis";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	FederatedTestSignIn federated;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	de.openrathaus.procedure.application.ApplicationStore applicationStore;

	@Test
	void aCitizenBelowTheLevelIsSentToBundIdForItAndComesBackToTheSameStepWithTheDraft() throws Exception {
		String subject = randomSubject();
		MockHttpSession substantial = federated.signIn(citizen(subject, TrustLevel.SUBSTANTIAL, null)).session();
		String id = start(substantial, PERMIT, "antragsteller");
		mvc.perform(post(step(id, "antragsteller")).param("aktion", "weiter").session(substantial).with(csrf()))
			.andExpect(redirectedUrl(step(id, "fahrzeug")));

		// later, the same person signs in at LOW (e.g. BundID with user name and password only)
		MockHttpSession low = federated.signIn(citizen(subject, TrustLevel.LOW, null)).session();
		String stepUp = "/anmelden/bundid?niveau=SUBSTANTIAL&ziel=%2Fportal%2Fantraege%2F" + id + "%2Fschritt%2Ffahrzeug";
		mvc.perform(get(step(id, "fahrzeug")).session(low)).andExpect(redirectedUrl(stepUp));
		// what they post is kept as a draft, then they are sent for the level; never a silent refusal
		mvc.perform(post(step(id, "fahrzeug")).param("fahrzeug.kennzeichen", "MS-AB 123").param("fahrzeug.zone", "B")
				.param("aktion", "weiter").session(low).with(csrf()))
			.andExpect(redirectedUrl(stepUp));
		assertThat(answer(id, "fahrzeug.kennzeichen")).isEqualTo("MS-AB 123");
		mvc.perform(post("/portal/antraege/" + id + "/absenden").session(low).with(csrf()))
			.andExpect(redirectedUrl("/anmelden/bundid?niveau=SUBSTANTIAL&ziel=%2Fportal%2Fantraege%2F" + id + "%2Fpruefen"));
		assertThat(stateOf(id)).isEqualTo("DRAFT");

		// the identity module sends them back to the target after the sign-in at the level asked for
		String target = URLDecoder.decode(stepUp.substring(stepUp.indexOf("ziel=") + 5), StandardCharsets.UTF_8);
		Outcome back = federated.signIn(citizen(subject, TrustLevel.SUBSTANTIAL, null), applicantOf(id), target, low);
		assertThat(back.next()).isEqualTo(step(id, "fahrzeug"));
		mvc.perform(get(back.next()).session(back.session()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"MS-AB 123\"")));
	}

	@Test
	void answersFromBundIdCannotBeOverwrittenAtSubstantial() throws Exception {
		MockHttpSession citizen = federated.signIn(citizen(randomSubject(), TrustLevel.SUBSTANTIAL, "erika@example.org")).session();
		String id = start(citizen, PERMIT, "antragsteller");
		mvc.perform(get(step(id, "antragsteller")).session(citizen))
			.andExpect(content().string(allOf(containsString("value=\"Erika\""), containsString("value=\"12.08.1964\""),
					containsString("value=\"Heidestraße 17\""), containsString("readonly"),
					containsString("Aus BundID übernommen; diese Angabe ist nachgewiesen"))));
		// a changed value posted by hand is replaced by the vouched one
		mvc.perform(post(step(id, "antragsteller")).param("antragsteller.vorname", "Mallory").param("antragsteller.nachname", "Fälscher")
				.param("antragsteller.geburtsdatum", "01.01.2000").param("antragsteller.strasse", "Fremdweg 1")
				.param("antragsteller.plz", "99999").param("antragsteller.ort", "Anderswo").param("aktion", "weiter")
				.session(citizen).with(csrf()))
			.andExpect(redirectedUrl(step(id, "fahrzeug")));
		assertThat(answer(id, "antragsteller.vorname")).isEqualTo("Erika");
		assertThat(answer(id, "antragsteller.geburtsdatum")).isEqualTo("1964-08-12");
		assertThat(answer(id, "antragsteller.plz")).isEqualTo("51147");

		mvc.perform(post(step(id, "fahrzeug")).param("fahrzeug.kennzeichen", "K-EM 64").param("fahrzeug.zone", "A")
				.param("fahrzeug.jahre", "1").param("aktion", "weiter").session(citizen).with(csrf()))
			.andExpect(redirectedUrl(step(id, "nachweise")));
		mvc.perform(multipart(step(id, "nachweise")).file(DogRegistrationIntegrationTests.pdf("fahrzeug.zulassung", "zulassung.pdf"))
				.param("aktion", "weiter").session(citizen).with(csrf()))
			.andExpect(redirectedUrl("/portal/antraege/" + id + "/pruefen"));
		// the summary shows the vouched answers, not the forged ones; submitting (after the fee is paid) and the
		// level recorded with the application are walked in BundIdJourneyTests through the payment simulator
		mvc.perform(get("/portal/antraege/" + id + "/pruefen").session(citizen))
			.andExpect(content().string(allOf(containsString("Erika"), not(containsString("Mallory")), not(containsString("Fremdweg")))));
		assertThat(answer(id, "antragsteller.nachname")).isEqualTo("Mustermann");
	}

	@Test
	void aPasswordSignInAtSubstantialWithoutAttributesTypesTheAnswersItself() throws Exception {
		MockHttpSession counterIdentified = TestAccounts.signIn(mvc, accounts.citizen("SUBSTANTIAL"));
		String id = start(counterIdentified, PERMIT, "antragsteller");
		mvc.perform(get(step(id, "antragsteller")).session(counterIdentified))
			.andExpect(content().string(allOf(not(containsString("readonly")), not(containsString("Aus BundID")))));
		mvc.perform(post(step(id, "antragsteller")).param("antragsteller.vorname", "Ida").param("aktion", "entwurf")
				.session(counterIdentified).with(csrf()));
		assertThat(answer(id, "antragsteller.vorname")).isEqualTo("Ida");
	}

	@Test
	void someoneNotSignedInGetsTheChoiceOfBundIdAtTheProceduresLevel() throws Exception {
		mvc.perform(get("/leistungen/" + PERMIT))
			.andExpect(content().string(allOf(containsString("Mit BundID anmelden und beantragen"),
					containsString("/anmelden/bundid?niveau=SUBSTANTIAL&amp;ziel=%2Fportal%2Fantraege%2Fneu%3Fleistung%3Dbewohnerparkausweis"))));
		MockHttpSession low = TestAccounts.signIn(mvc, accounts.citizen("Basis"));
		mvc.perform(get("/portal/antraege/neu").param("leistung", PERMIT).session(low))
			.andExpect(content().string(containsString("/anmelden/bundid?niveau=SUBSTANTIAL&amp;ziel=%2Fportal%2Fantraege%2Fneu%3Fleistung%3Dbewohnerparkausweis")));
		// sent to sign in by the procedure itself, the sign-in page offers BundID coming back to it
		var asked = mvc.perform(get("/portal/antraege/neu?leistung=" + PERMIT)).andExpect(status().is3xxRedirection()).andReturn();
		mvc.perform(get("/anmelden").session((MockHttpSession) asked.getRequest().getSession(false)))
			.andExpect(content().string(containsString("/anmelden/bundid?niveau=SUBSTANTIAL&amp;ziel=%2Fportal%2Fantraege%2Fneu%3Fleistung%3Dbewohnerparkausweis")));
		// a procedure at LOW offers no BundID detour
		mvc.perform(get("/leistungen/hund-anmelden")).andExpect(content().string(not(containsString("Mit BundID anmelden und beantragen"))));
	}

	@Test
	void anOrganisationsApplicationsAreSeenByAllItsMembersAndByNobodyElse() throws Exception {
		String organisation = "USt-" + UUID.randomUUID();
		MockHttpSession first = federated.signIn(member(randomSubject(), organisation, "Muster GmbH")).session();
		MockHttpSession colleague = federated.signIn(member(randomSubject(), organisation, "Muster GmbH")).session();
		MockHttpSession otherCompany = federated.signIn(member(randomSubject(), "USt-" + UUID.randomUUID(), "Andere AG")).session();
		MockHttpSession someCitizen = federated.signIn(citizen(randomSubject(), TrustLevel.SUBSTANTIAL, null)).session();

		String id = start(first, "hund-anmelden", "halter");
		mvc.perform(post(step(id, "halter")).param("halter.vorname", "Max").param("aktion", "entwurf").session(first).with(csrf()));
		assertThat(column(id, "organisation_id")).isNotNull();

		mvc.perform(get("/portal/antraege").session(colleague))
			.andExpect(content().string(allOf(containsString("/portal/antraege/" + id), containsString("Anträge von Muster GmbH"))));
		mvc.perform(get(step(id, "halter")).session(colleague)).andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"Max\"")));
		for (MockHttpSession outsider : new MockHttpSession[] {otherCompany, someCitizen}) {
			mvc.perform(get("/portal/antraege").session(outsider)).andExpect(content().string(not(containsString(id))));
			mvc.perform(get(step(id, "halter")).session(outsider)).andExpect(status().isNotFound());
			mvc.perform(post(step(id, "halter")).param("halter.vorname", "Eve").param("aktion", "entwurf").session(outsider).with(csrf()))
				.andExpect(status().isNotFound());
			mvc.perform(post("/portal/antraege/" + id + "/loeschen").session(outsider).with(csrf())).andExpect(status().isNotFound());
		}
		assertThat(answer(id, "halter.vorname")).isEqualTo("Max");
		// the member's colleague can continue the organisation's draft
		mvc.perform(post(step(id, "halter")).param("halter.vorname", "Moritz").param("aktion", "entwurf").session(colleague).with(csrf()));
		assertThat(answer(id, "halter.vorname")).isEqualTo("Moritz");
	}

	private String start(MockHttpSession session, String type, String firstStep) throws Exception {
		String url = mvc.perform(post("/portal/antraege").param("leistung", type).session(session).with(csrf()))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		assertThat(url).endsWith("/schritt/" + firstStep);
		return url.split("/")[3];
	}

	private static String step(String id, String step) {
		return "/portal/antraege/" + id + "/schritt/" + step;
	}

	private String answer(String id, String key) {
		return TenantContext.callAs(accounts.tenant(),
				() -> applicationStore.find(new de.openrathaus.procedure.ApplicationId(UUID.fromString(id))).orElseThrow().data().get(key));
	}

	private String stateOf(String id) {
		return column(id, "status");
	}

	private String column(String id, String column) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select " + column + "::text from procedure.application where id = ?")
			.param(UUID.fromString(id)).query(String.class).single());
	}

	private AccountId applicantOf(String id) {
		return new AccountId(UUID.fromString(column(id, "applicant_id")));
	}
}
