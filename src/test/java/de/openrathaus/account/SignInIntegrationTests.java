// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import de.openrathaus.TestAccounts;
import de.openrathaus.tenancy.TenantContext;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Sign-in answers tell nothing about which addresses are registered, and password guessing is slowed
 * down per client address and per account without letting an attacker lock the owner out.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SignInIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	static String randomClient() {
		// TEST-NET addresses, a fresh one per test so that tests do not share client throttles
		return "198.18." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250 + 1);
	}

	MockHttpServletRequestBuilder signIn(String email, String password, String client) {
		return post("/anmelden").param("email", email).param("password", password).with(csrf()).with(request -> {
			request.setRemoteAddr(client);
			return request;
		});
	}

	String answer(String email, String password, String client) throws Exception {
		return mvc.perform(signIn(email, password, client)).andReturn().getResponse().getRedirectedUrl();
	}

	@Test
	void anAttackerIsHeldBackButTheOwnerSignsInFromElsewhere() throws Exception {
		String owner = accounts.citizen("Opfer");
		String attacker = randomClient();
		for (int i = 0; i < 5; i++) {
			assertThat(answer(owner, "geraten-" + i + "-Passwort", attacker)).isEqualTo("/anmelden?fehler");
		}
		// even the right password from the attacker's address is refused while the delay runs, unchecked
		assertThat(answer(owner, TestAccounts.PASSWORD, attacker)).isEqualTo("/anmelden?warten");
		mvc.perform(get("/anmelden?warten")).andExpect(content().string(containsString("Bitte warten Sie einige Minuten")));
		// the owner, at home, is not locked out
		assertThat(answer(owner, TestAccounts.PASSWORD, randomClient())).isEqualTo("/portal");
	}

	@Test
	void registeredUnconfirmedAndUnknownAddressesGetTheSameAnswers() throws Exception {
		String registered = accounts.citizen("Bekannt");
		String unknown = "niemand-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		String unconfirmed = accounts.citizen("Unbestaetigt");
		TenantContext.runAs(accounts.tenant(), () -> jdbc.sql("update account.account set email_verified_at = null where email = ?")
			.param(unconfirmed).update());
		List<List<String>> answers = new ArrayList<>();
		for (String email : List.of(registered, unknown, unconfirmed)) {
			String client = randomClient();
			List<String> sequence = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				sequence.add(answer(email, "falsches-Passwort-" + i, client));
			}
			answers.add(sequence);
		}
		assertThat(answers.get(0)).endsWith("/anmelden?warten").contains("/anmelden?fehler");
		assertThat(answers.get(1)).isEqualTo(answers.get(0));
		assertThat(answers.get(2)).isEqualTo(answers.get(0));
	}

	@Test
	void onlyTheRightPasswordLearnsThatTheAddressIsUnconfirmed() throws Exception {
		String unconfirmed = accounts.citizen("Spaeter");
		TenantContext.runAs(accounts.tenant(), () -> jdbc.sql("update account.account set email_verified_at = null where email = ?")
			.param(unconfirmed).update());
		assertThat(answer(unconfirmed, "falsches-Passwort", randomClient())).isEqualTo("/anmelden?fehler");
		assertThat(answer(unconfirmed, TestAccounts.PASSWORD, randomClient())).isEqualTo("/anmelden?unbestaetigt");
	}

	@Test
	void oneClientTryingManyAddressesIsHeldBack() throws Exception {
		String sprayer = randomClient();
		List<String> sequence = new ArrayList<>();
		for (int i = 0; i < 31; i++) {
			sequence.add(answer("ziel-" + i + "-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org", "Sommer2026!", sprayer));
		}
		assertThat(sequence.subList(0, 30)).containsOnly("/anmelden?fehler");
		assertThat(sequence.getLast()).isEqualTo("/anmelden?warten");
		// other clients are not affected
		assertThat(answer(accounts.citizen("Unbeteiligt"), TestAccounts.PASSWORD, randomClient())).isEqualTo("/portal");
	}

	@Test
	void anAdministratorSeesAndLiftsAThrottle() throws Exception {
		String owner = accounts.citizen("Vergesslich");
		String client = randomClient();
		for (int i = 0; i < 5; i++) {
			answer(owner, "vergessen-" + i + "-Passwort", client);
		}
		assertThat(answer(owner, TestAccounts.PASSWORD, client)).isEqualTo("/anmelden?warten");

		MockHttpSession admin = TestAccounts.signIn(mvc, "verwaltung@musterstadt.example", "Demo-Passwort-2026");
		String page = mvc.perform(get("/admin").session(admin)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Konto " + owner).contains("Absenderadresse " + client);
		String key = TenantContext.callAs(accounts.tenant(), () -> jdbc.sql(
				"select account_key from account.sign_in_throttle where client = '' and account_key = encode(sha256(convert_to(?, 'UTF8')), 'hex')")
			.param(owner).query(String.class).single());
		mvc.perform(post("/admin/anmeldebremsen/aufheben").param("accountKey", key).session(admin).with(csrf()))
			.andExpect(redirectedUrl("/admin#anmeldebremsen"));
		assertThat(answer(owner, TestAccounts.PASSWORD, client)).isEqualTo("/portal");
	}

	@Test
	void citizensCannotLiftThrottles() throws Exception {
		MockHttpSession citizen = TestAccounts.signIn(mvc, accounts.citizen("Neugierig"));
		mvc.perform(post("/admin/anmeldebremsen/aufheben").param("client", "127.0.0.1").session(citizen).with(csrf()))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden());
	}
}
