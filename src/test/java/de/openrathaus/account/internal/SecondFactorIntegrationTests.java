// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.UUID;
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
import org.springframework.test.web.servlet.MvcResult;

/**
 * A staff member sets up a second factor and then needs password and code; wrong and replayed codes
 * are refused; the administrator's requirement leads staff without one to enrolment before anything
 * else, and the administrator's reset makes them enrol again. Its own application context (and so its
 * own database): the requirement holds for the whole municipality.
 */
@SpringBootTest(properties = "openrathaus.test.context=second-factor")
@AutoConfigureMockMvc
class SecondFactorIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	/** Password only; answers where the browser is sent and the session that has so far. */
	record Step(String redirectedTo, MockHttpSession session) {
	}

	Step password(String email) throws Exception {
		MvcResult result = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/anmelden").param("email", email).param("password", TestAccounts.PASSWORD).with(csrf()))
			.andReturn();
		return new Step(result.getResponse().getRedirectedUrl(), (MockHttpSession) result.getRequest().getSession(false));
	}

	String submit(String path, MockHttpSession session, String code) throws Exception {
		return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path).param("code", code)
			.session(session).with(csrf())).andReturn().getResponse().getRedirectedUrl();
	}

	String page(String path, MockHttpSession session) throws Exception {
		MvcResult result = mvc.perform(get(path).session(session)).andReturn();
		return result.getResponse().getRedirectedUrl() != null ? "redirect:" + result.getResponse().getRedirectedUrl()
				: result.getResponse().getContentAsString();
	}

	/** The secret as the enrolment page shows it for typing in. */
	static byte[] secretOn(String page) {
		Matcher shown = Pattern.compile("id=\"secret\">([A-Z2-7 ]+)<").matcher(page);
		assertThat(shown.find()).as("the key as text on the enrolment page").isTrue();
		return base32(shown.group(1).replace(" ", ""));
	}

	static byte[] base32(String text) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int buffer = 0;
		int bits = 0;
		for (char c : text.toCharArray()) {
			buffer = (buffer << 5) | alphabet.indexOf(c);
			bits += 5;
			if (bits >= 8) {
				out.write((buffer >> (bits - 8)) & 0xff);
				bits -= 8;
			}
		}
		return out.toByteArray();
	}

	int basicStatus(String email) throws Exception {
		return mvc.perform(get("/api/v1/catalogue/ranking").param("limit", "1").with(httpBasic(email, TestAccounts.PASSWORD))).andReturn()
			.getResponse().getStatus();
	}

	static String code(byte[] secret, int stepsAhead) {
		return Totp.code(secret, Totp.step(Instant.now()) + stepsAhead, 6);
	}

	@Test
	void aClerkEnrolsAndThenNeedsPasswordAndCodeWrongAndReplayedCodesAreRefused() throws Exception {
		String clerk = accounts.clerk("Zweifach", "steuern");
		Step first = password(clerk);
		assertThat(first.redirectedTo()).isEqualTo("/backoffice");
		assertThat(basicStatus(clerk)).isEqualTo(200);
		String enrolment = page("/anmelden/zweiter-faktor", first.session());
		assertThat(enrolment).contains("data:image/svg+xml;base64,", "Zweiten Faktor einrichten");
		byte[] secret = secretOn(enrolment);
		assertThat(secret).hasSize(20);
		assertThat(submit("/anmelden/zweiter-faktor", first.session(), "000000".equals(code(secret, 0)) ? "111111" : "000000"))
			.isEqualTo("/anmelden/zweiter-faktor?fehler");
		String confirming = code(secret, 0);
		assertThat(submit("/anmelden/zweiter-faktor", first.session(), confirming)).isEqualTo("/anmelden/zweiter-faktor");
		assertThat(page("/anmelden/zweiter-faktor", first.session())).contains("Ihr zweiter Faktor ist eingerichtet");
		// the secret is stored sealed, not as it was shown
		byte[] stored = TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select secret from account.second_factor where account_id = ?")
			.param(accounts.idOf(clerk)).query(byte[].class).single());
		assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(new String(secret,
				java.nio.charset.StandardCharsets.ISO_8859_1));

		// password alone no longer signs in, neither on the pages nor with HTTP Basic on the APIs
		assertThat(basicStatus(clerk)).isEqualTo(401);
		Step next = password(clerk);
		assertThat(next.redirectedTo()).isEqualTo("/anmelden/code");
		assertThat(page("/backoffice", next.session())).startsWith("redirect:").contains("/anmelden");
		assertThat(submit("/anmelden/code", next.session(), "12345")).isEqualTo("/anmelden/code?fehler");
		// the code used for the enrolment cannot be used again
		assertThat(submit("/anmelden/code", next.session(), confirming)).isEqualTo("/anmelden/code?fehler");
		String fresh = code(secret, 1);
		// on to the page that asked for sign-in while only the password was known
		assertThat(submit("/anmelden/code", next.session(), fresh)).isEqualTo("http://localhost/backoffice?continue");
		// nor can the code that just signed in, in another session
		Step replay = password(clerk);
		assertThat(submit("/anmelden/code", replay.session(), fresh)).isEqualTo("/anmelden/code?fehler");
		assertThat(page("/backoffice", replay.session())).startsWith("redirect:");
	}

	@Test
	void wrongCodesAreThrottledLikeSignIn() throws Exception {
		String clerk = accounts.clerk("Rater", "steuern");
		Step first = password(clerk);
		byte[] secret = secretOn(page("/anmelden/zweiter-faktor", first.session()));
		assertThat(submit("/anmelden/zweiter-faktor", first.session(), code(secret, 0))).isEqualTo("/anmelden/zweiter-faktor");
		Step guessing = password(clerk);
		for (int i = 0; i < SecondFactors.FREE_FAILURES; i++) {
			assertThat(submit("/anmelden/code", guessing.session(), wrong(secret))).isEqualTo("/anmelden/code?fehler");
		}
		// now even the right code waits, unchecked
		assertThat(submit("/anmelden/code", guessing.session(), code(secret, 1))).isEqualTo("/anmelden/code?warten");
	}

	static String wrong(byte[] secret) {
		for (int candidate = 100000;; candidate++) {
			String code = Integer.toString(candidate);
			if (!code.equals(code(secret, -1)) && !code.equals(code(secret, 0)) && !code.equals(code(secret, 1)) && !code.equals(code(secret, 2))) {
				return code;
			}
		}
	}

	@Test
	void theAdministratorRequiresASecondFactorWhichLeadsToEnrolmentFirstAndResetsOne() throws Exception {
		String admin = accounts.clerk("Verwalterin", "organisation");
		TenantContext.runAs(accounts.tenant(), () -> jdbc.sql("insert into account.staff_role(account_id, department_code, role) "
				+ "values (?, 'organisation', 'ADMIN')").param(accounts.idOf(admin)).update());
		MockHttpSession adminSession = TestAccounts.signIn(mvc, admin);
		String clerk = accounts.clerk("Pflicht", "steuern");
		try {
			assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/admin/zweiter-faktor")
				.param("required", "true").session(adminSession).with(csrf())).andReturn().getResponse().getRedirectedUrl())
				.isEqualTo("/admin#zweiter-faktor");
			assertThat(page("/admin", adminSession)).contains("Derzeit verlangt");

			Step forced = password(clerk);
			assertThat(forced.redirectedTo()).isEqualTo("/anmelden/zweiter-faktor");
			assertThat(page("/backoffice", forced.session())).startsWith("redirect:").contains("/anmelden");
			assertThat(page("/anmelden/code", forced.session())).isEqualTo("redirect:/anmelden/zweiter-faktor");
			String enrolment = page("/anmelden/zweiter-faktor", forced.session());
			assertThat(enrolment).contains("verlangt für die Anmeldung mit Passwort einen zweiten Faktor");
			byte[] secret = secretOn(enrolment);
			assertThat(submit("/anmelden/zweiter-faktor", forced.session(), code(secret, 0))).isEqualTo("http://localhost/backoffice?continue");
			assertThat(page("/backoffice", forced.session())).doesNotStartWith("redirect:");

			// a lost phone: the administrator resets, the clerk enrols anew after the password
			UUID id = accounts.idOf(clerk);
			assertThat(page("/admin", adminSession)).contains("/admin/mitarbeitende/" + id + "/zweiter-faktor/zuruecksetzen");
			assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.post("/admin/mitarbeitende/" + id + "/zweiter-faktor/zuruecksetzen").session(adminSession).with(csrf()))
				.andReturn().getResponse().getRedirectedUrl()).isEqualTo("/admin#zweiter-faktor");
			assertThat(password(clerk).redirectedTo()).isEqualTo("/anmelden/zweiter-faktor");
			// only administrators may reset
			assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.post("/admin/mitarbeitende/" + id + "/zweiter-faktor/zuruecksetzen").session(forced.session()).with(csrf()))
				.andReturn().getResponse().getStatus()).isEqualTo(403);
			// citizens are not affected
			assertThat(password(accounts.citizen("Buergerin")).redirectedTo()).isEqualTo("/portal");
		}
		finally {
			TenantContext.runAs(accounts.tenant(), () -> jdbc.sql("update account.staff_sign_in_policy set second_factor_required = false").update());
		}
	}
}
