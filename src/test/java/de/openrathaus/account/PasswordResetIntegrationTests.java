// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import de.openrathaus.TestAccounts;
import de.openrathaus.TestEvents;
import de.openrathaus.tenancy.TenantContext;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A citizen who forgot the password sets a new one through a single-use, expiring link by mail. */
@SpringBootTest
@AutoConfigureMockMvc
class PasswordResetIntegrationTests {

	static final String NEW_PASSWORD = "Kiesel-Ampel-Wolke-7";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestEvents events;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	final String client = "198.20." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250 + 1);

	MockHttpServletRequestBuilder fromClient(MockHttpServletRequestBuilder request) {
		return request.with(csrf()).with(r -> {
			r.setRemoteAddr(client);
			return r;
		});
	}

	String requestLink(String email) throws Exception {
		mvc.perform(fromClient(post("/passwort-vergessen").param("email", email))).andExpect(redirectedUrl("/passwort-vergessen/gesendet"));
		List<PasswordResetRequested> sent = events.of(PasswordResetRequested.class).stream().filter(e -> e.email().equals(email)).toList();
		assertThat(sent).isNotEmpty();
		String link = sent.getLast().resetLink();
		assertThat(link).startsWith("http://localhost/passwort-neu?token=");
		return link.substring(link.indexOf("token=") + 6);
	}

	String signIn(String email, String password) throws Exception {
		return mvc.perform(fromClient(post("/anmelden").param("email", email).param("password", password))).andReturn().getResponse()
			.getRedirectedUrl();
	}

	@Test
	void theSignInPageOffersItAndAnUnknownAddressGetsTheSameAnswer() throws Exception {
		mvc.perform(get("/anmelden")).andExpect(content().string(containsString("href=\"/passwort-vergessen\"")));
		String unknown = "niemand-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		String known = accounts.citizen("Vergessen");
		String forUnknown = mvc.perform(fromClient(post("/passwort-vergessen").param("email", unknown))).andReturn().getResponse().getRedirectedUrl();
		String forKnown = mvc.perform(fromClient(post("/passwort-vergessen").param("email", known))).andReturn().getResponse().getRedirectedUrl();
		assertThat(forUnknown).isEqualTo(forKnown).isEqualTo("/passwort-vergessen/gesendet");
		assertThat(events.of(PasswordResetRequested.class).stream().filter(e -> e.email().equals(unknown))).isEmpty();
		assertThat(events.of(PasswordResetRequested.class).stream().filter(e -> e.email().equals(known))).hasSize(1);
		mvc.perform(get("/passwort-vergessen/gesendet")).andExpect(content().string(containsString("Wenn zu dieser Adresse ein Servicekonto gehört")));
		mvc.perform(post("/passwort-vergessen").param("email", known)).andExpect(status().isForbidden());
	}

	@Test
	void theLinkSetsANewPasswordOnceAndLetsTheThrottledOwnerInAgain() throws Exception {
		String owner = accounts.citizen("Gesperrt");
		for (int i = 0; i < 5; i++) {
			signIn(owner, "falsch-" + i + "-Passwort");
		}
		assertThat(signIn(owner, TestAccounts.PASSWORD)).isEqualTo("/anmelden?warten");

		String token = requestLink(owner);
		await().atMost(Duration.ofSeconds(15)).until(() -> !mailBodies(owner).isEmpty());
		assertThat(mailBodies(owner).getFirst()).contains("/passwort-neu?token=" + token).contains("gültig bis").doesNotContain("Gesperrt");

		mvc.perform(get("/passwort-neu").param("token", token)).andExpect(content().string(containsString("Neues Passwort festlegen")));
		// a weak password is explained, and the link stays usable
		mvc.perform(fromClient(post("/passwort-neu").param("token", token).param("password", "passwordpassword")
				.param("passwordRepeat", "passwordpassword")))
			.andExpect(status().isOk()).andExpect(content().string(containsString("zu leicht zu erraten")));
		mvc.perform(fromClient(post("/passwort-neu").param("token", token).param("password", NEW_PASSWORD).param("passwordRepeat", NEW_PASSWORD)))
			.andExpect(redirectedUrl("/anmelden?passwortNeu"));

		assertThat(signIn(owner, TestAccounts.PASSWORD)).isEqualTo("/anmelden?fehler");
		assertThat(signIn(owner, NEW_PASSWORD)).isEqualTo("/portal");
		// single use
		mvc.perform(fromClient(post("/passwort-neu").param("token", token).param("password", "Andere-Wolke-Kiesel-9")
				.param("passwordRepeat", "Andere-Wolke-Kiesel-9")))
			.andExpect(content().string(containsString("Dieser Link funktioniert nicht mehr")));
		assertThat(signIn(owner, NEW_PASSWORD)).isEqualTo("/portal");
	}

	@Test
	void anExpiredLinkChangesNothing() throws Exception {
		String owner = accounts.citizen("Spaet");
		String token = requestLink(owner);
		TenantContext.runAs(accounts.tenant(), () -> jdbc.sql(
				"update account.password_reset_token set expires_at = now() - interval '1 minute' where account_id = ?")
			.param(accounts.idOf(owner)).update());
		mvc.perform(get("/passwort-neu").param("token", token)).andExpect(content().string(containsString("abgelaufen")));
		mvc.perform(fromClient(post("/passwort-neu").param("token", token).param("password", NEW_PASSWORD).param("passwordRepeat", NEW_PASSWORD)))
			.andExpect(content().string(containsString("Dieser Link funktioniert nicht mehr")));
		assertThat(signIn(owner, TestAccounts.PASSWORD)).isEqualTo("/portal");
	}

	@Test
	void aNewLinkReplacesTheEarlierOne() throws Exception {
		String owner = accounts.citizen("Zweimal");
		String first = requestLink(owner);
		String second = requestLink(owner);
		mvc.perform(get("/passwort-neu").param("token", first)).andExpect(content().string(containsString("Dieser Link funktioniert nicht mehr")));
		mvc.perform(get("/passwort-neu").param("token", second)).andExpect(content().string(containsString("Neues Passwort festlegen")));
	}

	private List<String> mailBodies(String recipient) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select body from correspondence.outgoing_mail where recipient = ?")
			.param(recipient).query(String.class).list());
	}
}
