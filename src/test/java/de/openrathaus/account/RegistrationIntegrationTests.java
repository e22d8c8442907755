// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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

/** Registering a service account, confirming the address by the link, and what must not work. */
@SpringBootTest
@AutoConfigureMockMvc
class RegistrationIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestEvents events;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	String email = "neu-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

	MockHttpServletRequestBuilder register(String name, String mail, String password, String repeat, boolean consent) {
		MockHttpServletRequestBuilder request = post("/registrieren").param("name", name).param("email", mail)
			.param("password", password).param("passwordRepeat", repeat).with(csrf());
		return consent ? request.param("consent", "ja") : request;
	}

	@Test
	void aCitizenRegistersConfirmsByTheLinkAndSignsIn() throws Exception {
		mvc.perform(register("Max Neu", " " + email.toUpperCase() + " ", "lange-sichere-Wortfolge", "lange-sichere-Wortfolge", true))
			.andExpect(redirectedUrl("/registrieren/bestaetigen"));
		mvc.perform(post("/anmelden").param("email", email).param("password", "lange-sichere-Wortfolge").with(csrf()))
			.andExpect(redirectedUrl("/anmelden?unbestaetigt"));

		VerificationRequested requested = lastFor(email);
		assertThat(requested.verificationLink()).startsWith("http://localhost/konto/bestaetigen?token=");
		String token = requested.verificationLink().substring(requested.verificationLink().indexOf("token=") + 6);
		mvc.perform(get("/konto/bestaetigen").param("token", token))
			.andExpect(content().string(containsString("E-Mail-Adresse bestätigen")));
		mvc.perform(post("/konto/bestaetigen").param("token", token).with(csrf())).andExpect(redirectedUrl("/anmelden?bestaetigt"));
		mvc.perform(post("/anmelden").param("email", email).param("password", "lange-sichere-Wortfolge").with(csrf()))
			.andExpect(redirectedUrl("/portal"));

		// the link works once only
		mvc.perform(post("/konto/bestaetigen").param("token", token).with(csrf()))
			.andExpect(content().string(containsString("Dieser Link funktioniert nicht mehr")));
	}

	@Test
	void eachRuleIsExplainedAndNothingIsCreated() throws Exception {
		mvc.perform(register("", "keine-adresse", "kurz", "kurz", false))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"#name\"")))
			.andExpect(content().string(containsString("Geben Sie Ihren Vor- und Nachnamen ein.")))
			.andExpect(content().string(containsString("Geben Sie eine E-Mail-Adresse im richtigen Format ein")))
			.andExpect(content().string(containsString("Das Passwort muss mindestens 12 Zeichen lang sein.")))
			.andExpect(content().string(containsString("Bestätigen Sie, dass Sie die Datenschutzhinweise gelesen haben.")));
		mvc.perform(register("Max Neu", email, "lange-sichere-Wortfolge", "andere-sichere-Wortfolge", true))
			.andExpect(content().string(containsString("Die beiden Passwörter stimmen nicht überein.")));
		mvc.perform(register("Max Neu", email, email, email, true))
			.andExpect(content().string(containsString("Das Passwort darf nicht Ihre E-Mail-Adresse enthalten.")));
		assertThat(accountsWith(email)).isZero();
	}

	@Test
	void anAddressInUseGetsTheSameAnswerAndNoSecondAccount() throws Exception {
		String existing = accounts.citizen("Vorhanden");
		int before = events.of(VerificationRequested.class).size();
		mvc.perform(register("Eindringling", existing, "lange-sichere-Wortfolge", "lange-sichere-Wortfolge", true))
			.andExpect(redirectedUrl("/registrieren/bestaetigen"));
		assertThat(accountsWith(existing)).isOne();
		assertThat(events.of(VerificationRequested.class)).hasSize(before);
		// the existing password still works, the new one does not
		TestAccounts.signIn(mvc, existing);
	}

	@Test
	void withoutCsrfTokenNoAccountIsCreated() throws Exception {
		mvc.perform(post("/registrieren").param("name", "Max").param("email", email).param("password", "lange-sichere-Wortfolge")
				.param("passwordRepeat", "lange-sichere-Wortfolge").param("consent", "ja"))
			.andExpect(status().isForbidden());
		assertThat(accountsWith(email)).isZero();
	}

	@Test
	void anUnknownOrExpiredLinkOffersANewOne() throws Exception {
		mvc.perform(get("/konto/bestaetigen").param("token", "erfunden"))
			.andExpect(content().string(containsString("Neuen Link anfordern")));
		mvc.perform(register("Max Neu", email, "lange-sichere-Wortfolge", "lange-sichere-Wortfolge", true));
		String token = token(lastFor(email));
		TenantContext.runAs(accounts.tenant(), () -> jdbc.sql("update account.verification_token set expires_at = now() - interval '1 minute'").update());
		mvc.perform(get("/konto/bestaetigen").param("token", token)).andExpect(content().string(containsString("abgelaufen")));
		mvc.perform(post("/konto/bestaetigen").param("token", token).with(csrf()))
			.andExpect(content().string(containsString("Dieser Link funktioniert nicht mehr")));

		mvc.perform(post("/konto/bestaetigen/neu").param("email", email).with(csrf())).andExpect(redirectedUrl("/registrieren/bestaetigen"));
		String fresh = token(lastFor(email));
		assertThat(fresh).isNotEqualTo(token);
		mvc.perform(post("/konto/bestaetigen").param("token", fresh).with(csrf())).andExpect(redirectedUrl("/anmelden?bestaetigt"));
	}

	@Test
	void aForgedHostHeaderDoesNotEndUpInTheLink() throws Exception {
		// in the test configuration unknown hosts are refused outright; the link host comes from the municipality
		mvc.perform(register("Max Neu", email, "lange-sichere-Wortfolge", "lange-sichere-Wortfolge", true).with(r -> {
			r.setServerName("127.0.0.1");
			return r;
		}));
		assertThat(lastFor(email).verificationLink()).startsWith("http://127.0.0.1/");
	}

	@Test
	void theConfirmationLinkUsesTheMunicipalitysConfiguredPublicAddress() throws Exception {
		UUID city = UUID.randomUUID();
		String slug = "stadt-p-" + city.toString().substring(0, 8);
		jdbc.sql("insert into tenancy.tenant(id, slug, name, public_url) values (?, ?, 'Stadt P', ?)")
			.params(city, slug, "https://portal.stadt-p.example").update();
		jdbc.sql("insert into tenancy.tenant_host(host, tenant_id) values (?, ?)").params(slug + ".localhost", city).update();
		mvc.perform(register("Max", email, "lange-sichere-Wortfolge", "lange-sichere-Wortfolge", true)
				.with(request -> {
					request.setServerName(slug + ".localhost");
					request.setServerPort(8123);
					return request;
				}))
			.andExpect(redirectedUrl("/registrieren/bestaetigen"));
		assertThat(lastFor(email).verificationLink()).startsWith("https://portal.stadt-p.example/konto/bestaetigen?token=");
	}

	private VerificationRequested lastFor(String mail) {
		List<VerificationRequested> found = events.of(VerificationRequested.class).stream().filter(e -> e.email().equals(mail)).toList();
		assertThat(found).isNotEmpty();
		return found.getLast();
	}

	private static String token(VerificationRequested requested) {
		return requested.verificationLink().substring(requested.verificationLink().indexOf("token=") + 6);
	}

	private long accountsWith(String mail) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select count(*) from account.account where email = ?")
			.param(mail.toLowerCase()).query(Long.class).single());
	}
}
