// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account;

import static de.openrathaus.FederatedTestSignIn.citizen;
import static de.openrathaus.FederatedTestSignIn.randomSubject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import de.openrathaus.FederatedTestSignIn;
import de.openrathaus.FederatedTestSignIn.Outcome;
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
 * Federated sign-in as the SAML service provider drives it: accounts are found by the identity
 * provider's subject and never by e-mail, a local account is linked only after it is asked and its
 * password re-entered, an identity never moves, and the asserted level belongs to the session.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FederatedSignInIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	FederatedTestSignIn federated;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theFirstSignInCreatesACitizenAccountAndTheNextSignsIntoTheSameOneInANewSession() throws Exception {
		String subject = randomSubject();
		Outcome first = federated.signIn(citizen(subject, TrustLevel.SUBSTANTIAL, null), null, "/portal/antraege", null);
		assertThat(first.next()).isEqualTo("/portal/antraege");
		mvc.perform(get("/portal").session(first.session()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Guten Tag, Erika Mustermann")))
			.andExpect(content().string(containsString("Vertrauensniveau dieser Anmeldung: Substanziell")));
		UUID account = accountOf(subject);
		assertThat(kindAndPassword(account)).isEqualTo("CITIZEN/no password/LOW");

		Outcome second = federated.signIn(citizen(subject, TrustLevel.HIGH, null), null, "/portal", first.session());
		assertThat(accountOf(subject)).isEqualTo(account);
		assertThat(second.session().getId()).isNotEqualTo(first.session().getId());
		assertThat(first.session().isInvalid()).isTrue();
		mvc.perform(get("/portal").session(second.session()))
			.andExpect(content().string(containsString("Vertrauensniveau dieser Anmeldung: Hoch")));
		assertThat(count("select count(*) from account.account where id = ?", account)).isOne();
	}

	@Test
	void theSameEmailWithAnotherSubjectIsAnotherAccountAndNeverTheLocalOneOfThatAddress() throws Exception {
		String local = accounts.citizen("Lokal");
		String a = randomSubject();
		String b = randomSubject();
		federated.signIn(citizen(a, TrustLevel.SUBSTANTIAL, local));
		federated.signIn(citizen(b, TrustLevel.SUBSTANTIAL, local.toUpperCase()));
		assertThat(accountOf(a)).isNotEqualTo(accountOf(b));
		assertThat(List.of(accountOf(a), accountOf(b))).doesNotContain(accounts.idOf(local));
		// the address is only a contact address of the federated accounts: password sign-in still finds the local account
		MockHttpSession session = TestAccounts.signIn(mvc, local);
		mvc.perform(get("/portal").session(session)).andExpect(content().string(containsString("Guten Tag, Lokal")));
	}

	@Test
	void anAccountWithoutPasswordCannotBeSignedIntoOrResetByItsContactAddress() throws Exception {
		String email = "bundid-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		String subject = randomSubject();
		federated.signIn(citizen(subject, TrustLevel.SUBSTANTIAL, email));
		mvc.perform(post("/anmelden").param("email", email).param("password", "irgendein-Passwort-2026").with(csrf()))
			.andExpect(redirectedUrl("/anmelden?fehler"));
		mvc.perform(post("/passwort-vergessen").param("email", email).with(csrf()));
		assertThat(count("select count(*) from account.password_reset_token where account_id = ?", accountOf(subject))).isZero();
	}

	@Test
	void aSignedInLocalAccountIsLinkedOnlyAfterAskingAndItsPasswordAndTheLevelHoldsForThatSessionOnly() throws Exception {
		String local = accounts.citizen("Verknuepfer");
		AccountId localId = new AccountId(accounts.idOf(local));
		MockHttpSession passwordSession = TestAccounts.signIn(mvc, local);
		String subject = randomSubject();

		Outcome asked = federated.signIn(citizen(subject, TrustLevel.SUBSTANTIAL, null), localId, "/portal/antraege", passwordSession);
		assertThat(asked.next()).isEqualTo("/konto/verknuepfen");
		assertThat(count("select count(*) from account.federated_identity where subject = ?", subject)).isZero();
		// nobody is signed in while the question is open
		mvc.perform(get("/portal").session(asked.session())).andExpect(status().is3xxRedirection());
		mvc.perform(get("/konto/verknuepfen").session(asked.session()))
			.andExpect(content().string(containsString("BundID-Identität mit Ihrem Konto verknüpfen?")))
			.andExpect(content().string(containsString("„Verknuepfer“")));
		mvc.perform(post("/konto/verknuepfen").param("aktion", "verknuepfen").param("password", "falsch-falsch-falsch")
				.session(asked.session()).with(csrf()))
			.andExpect(content().string(containsString("Das Passwort ist nicht richtig")));
		assertThat(count("select count(*) from account.federated_identity where subject = ?", subject)).isZero();

		var linked = mvc.perform(post("/konto/verknuepfen").param("aktion", "verknuepfen").param("password", TestAccounts.PASSWORD)
				.session(asked.session()).with(csrf()))
			.andExpect(redirectedUrl("/portal/antraege")).andReturn();
		MockHttpSession linkedSession = (MockHttpSession) linked.getRequest().getSession(false);
		assertThat(linkedSession.getId()).isNotEqualTo(asked.session().getId());
		assertThat(accountOf(subject)).isEqualTo(localId.value());
		mvc.perform(get("/portal").session(linkedSession))
			.andExpect(content().string(containsString("Guten Tag, Verknuepfer")))
			.andExpect(content().string(containsString("Vertrauensniveau dieser Anmeldung: Substanziell")));

		// the account's own level did not change: the next password sign-in is LOW again
		assertThat(storedLevel(localId.value())).isEqualTo("LOW");
		MockHttpSession again = TestAccounts.signIn(mvc, local);
		mvc.perform(get("/portal").session(again))
			.andExpect(content().string(containsString("Vertrauensniveau dieser Anmeldung: Basis")))
			.andExpect(content().string(not(containsString("Substanziell"))));
		// and the BundID sign-in now goes straight into the linked local account
		Outcome direct = federated.signIn(citizen(subject, TrustLevel.SUBSTANTIAL, null));
		assertThat(direct.next()).isEqualTo("/portal");
		mvc.perform(get("/portal").session(direct.session())).andExpect(content().string(containsString("Guten Tag, Verknuepfer")));
	}

	@Test
	void anIdentityLinkedToAnotherAccountIsNeverMoved() throws Exception {
		String subject = randomSubject();
		federated.signIn(citizen(subject, TrustLevel.SUBSTANTIAL, null));
		UUID owner = accountOf(subject);
		String local = accounts.citizen("Andere");
		AccountId localId = new AccountId(accounts.idOf(local));
		Outcome outcome = federated.signIn(citizen(subject, TrustLevel.SUBSTANTIAL, null), localId, "/portal/antraege",
				TestAccounts.signIn(mvc, local));
		assertThat(outcome.next()).isEqualTo("/portal?anderesKonto");
		assertThat(accountOf(subject)).isEqualTo(owner);
		assertThat(count("select count(*) from account.federated_identity where account_id = ?", localId.value())).isZero();
		mvc.perform(get("/portal?anderesKonto").session(outcome.session()))
			.andExpect(content().string(containsString("gehört zu einem anderen Konto")))
			.andExpect(content().string(containsString("Guten Tag, Erika Mustermann")));
	}

	@Test
	void decliningTheLinkGivesTheIdentityItsOwnAccount() throws Exception {
		String local = accounts.citizen("Ablehner");
		AccountId localId = new AccountId(accounts.idOf(local));
		String subject = randomSubject();
		Outcome asked = federated.signIn(citizen(subject, TrustLevel.SUBSTANTIAL, null), localId, "/portal/antraege",
				TestAccounts.signIn(mvc, local));
		mvc.perform(post("/konto/verknuepfen").param("aktion", "eigenes").session(asked.session()).with(csrf()))
			.andExpect(redirectedUrl("/portal"));
		assertThat(accountOf(subject)).isNotEqualTo(localId.value());
	}

	@Test
	void membersOfAnOrganisationActForItEachWithTheirOwnAccount() throws Exception {
		String organisation = "USt-" + UUID.randomUUID();
		Outcome first = federated.signIn(FederatedTestSignIn.member(randomSubject(), organisation, "Muster GmbH"));
		Outcome second = federated.signIn(FederatedTestSignIn.member(randomSubject(), organisation, "Muster GmbH & Co. KG"));
		mvc.perform(get("/portal").session(second.session()))
			.andExpect(content().string(containsString("Sie handeln für: Muster GmbH &amp; Co. KG")));
		UUID org = TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select id from account.organisation where identifier = ?")
			.param(organisation).query(UUID.class).single());
		assertThat(count("select count(*) from account.membership where organisation_id = ?", org)).isEqualTo(2);
		assertThat(first.session().getId()).isNotEqualTo(second.session().getId());
	}

	private UUID accountOf(String subject) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select account_id from account.federated_identity where subject = ?")
			.param(subject).query(UUID.class).single());
	}

	private String kindAndPassword(UUID account) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql(
				"select kind || '/' || case when password_hash is null then 'no password' else 'password' end || '/' || trust_level "
						+ "from account.account where id = ?")
			.param(account).query(String.class).single());
	}

	private String storedLevel(UUID account) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select trust_level from account.account where id = ?")
			.param(account).query(String.class).single());
	}

	private long count(String sql, Object parameter) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql(sql).param(parameter).query(Long.class).single());
	}
}
