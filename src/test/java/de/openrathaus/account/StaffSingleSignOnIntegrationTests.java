// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.Tenants;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Staff sign in through the municipality's OpenID Connect provider: a real provider
 * (mock-oauth2-server) on its own port, the whole authorization code round trip over HTTP as a
 * browser makes it (redirects, cookies), groups mapped to roles, accounts found by subject.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class StaffSingleSignOnIntegrationTests {

	static final MockOAuth2Server provider = new MockOAuth2Server();

	static {
		provider.start();
	}

	@DynamicPropertySource
	static void providers(DynamicPropertyRegistry properties) {
		String musterstadt = "openrathaus.account.staff-sso.municipalities.musterstadt.";
		properties.add(musterstadt + "issuer-uri", () -> provider.issuerUrl("rathaus").toString());
		properties.add(musterstadt + "client-id", () -> "openrathaus");
		properties.add(musterstadt + "client-secret", () -> "geheim-aus-der-umgebung");
		properties.add(musterstadt + "groups[0].group", () -> "/Rathaus/Steuern");
		properties.add(musterstadt + "groups[0].department", () -> "steuern");
		properties.add(musterstadt + "groups[0].role", () -> "CLERK");
		properties.add(musterstadt + "groups[1].group", () -> "/Rathaus/IT");
		properties.add(musterstadt + "groups[1].department", () -> "organisation");
		properties.add(musterstadt + "groups[1].role", () -> "ADMIN");
		String nachbarstadt = "openrathaus.account.staff-sso.municipalities.nachbarstadt-sso.";
		properties.add(nachbarstadt + "issuer-uri", () -> provider.issuerUrl("nachbar").toString());
		properties.add(nachbarstadt + "client-id", () -> "nachbar-client");
	}

	@AfterAll
	static void stop() {
		provider.shutdown();
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Tenants tenants;

	@Autowired
	MockMvc mvc;

	@Autowired
	de.openrathaus.TestAccounts accounts;

	@BeforeEach
	void departments() {
		TenantContext.runAs(tenants.byHost("localhost").orElseThrow().id(), () -> {
			jdbc.sql("insert into account.department(code, name) values ('steuern', 'Steuern'), ('organisation', 'Organisation') "
					+ "on conflict do nothing").update();
		});
	}

	/** A browser: cookies kept, redirects followed one by one so that each hop can be looked at. */
	final class Browser {

		final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER).build();
		final List<URI> hops = new ArrayList<>();

		HttpResponse<String> open(String url) throws Exception {
			URI uri = URI.create(url.startsWith("/") ? "http://localhost:" + port + url : url);
			for (int i = 0; i < 10; i++) {
				hops.add(uri);
				HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET().build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() / 100 != 3) {
					return response;
				}
				uri = uri.resolve(response.headers().firstValue("Location").orElseThrow());
			}
			throw new AssertionError("too many redirects: " + hops);
		}

		/** Posts a form (with its CSRF token) and follows the redirect like a browser. */
		HttpResponse<String> post(String path, String form) throws Exception {
			URI uri = URI.create("http://localhost:" + port + path);
			hops.add(uri);
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 != 3) {
				return response;
			}
			return open(uri.resolve(response.headers().firstValue("Location").orElseThrow()).toString());
		}

		HttpResponse<String> signInWithPassword(String email) throws Exception {
			String csrf = csrfOf(open("/anmelden").body());
			return post("/anmelden", "email=" + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8) + "&password="
					+ de.openrathaus.TestAccounts.PASSWORD + "&_csrf=" + csrf);
		}

		String landedOn() {
			return hops.getLast().getPath() + (hops.getLast().getQuery() == null ? "" : "?" + hops.getLast().getQuery());
		}
	}

	static void providerSays(String subject, Map<String, Object> claims) {
		provider.enqueueCallback(new DefaultOAuth2TokenCallback("rathaus", subject, "JWT", List.of("openrathaus"), claims, 3600));
	}

	@Test
	void aClerkSignsInWithTheProviderGetsTheMappedRoleAndIsFoundBySubjectWithRolesSyncedNextTime() throws Exception {
		String subject = "kc-" + UUID.randomUUID();
		String email = "tom-" + subject.substring(3, 11) + "@musterstadt.example";
		Browser browser = new Browser();
		assertThat(browser.open("/anmelden").body()).contains("Anmeldung für Beschäftigte (Single Sign-on)");

		providerSays(subject, Map.of("email", email, "name", "Tom Steuer", "groups", List.of("/Rathaus/Steuern", "/Kantine")));
		HttpResponse<String> backoffice = browser.open("/anmelden/sso");
		URI authorize = browser.hops.stream().filter(u -> u.getPath().endsWith("/rathaus/authorize")).findFirst().orElseThrow();
		assertThat(authorize.getQuery()).contains("code_challenge_method=S256", "code_challenge=", "nonce=", "state=",
				"redirect_uri=http://localhost:" + port + "/login/oauth2/code/staff", "client_id=openrathaus");
		assertThat(backoffice.statusCode()).isEqualTo(200);
		assertThat(browser.landedOn()).isEqualTo("/backoffice");
		assertThat(backoffice.body()).contains("Tom Steuer");
		UUID account = accountOf(subject);
		assertThat(roles(account)).containsExactly("steuern/CLERK");
		// the second factor is the provider's business; and the password form never finds this account
		assertThat(browser.open("/anmelden/zweiter-faktor").body()).contains("(Single Sign-on) angemeldet");

		// the next time: same subject, the address changed at the provider and the groups too
		Browser again = new Browser();
		providerSays(subject, Map.of("email", "neu-" + email, "name", "Tom Steuer", "groups", List.of("/Rathaus/IT")));
		again.open("/anmelden/sso");
		assertThat(again.landedOn()).isEqualTo("/admin");
		assertThat(accountOf(subject)).isEqualTo(account);
		assertThat(roles(account)).containsExactly("organisation/ADMIN");
		assertThat(count("select count(*) from account.account where email in (?, ?)", email, "neu-" + email)).isEqualTo(1);

		// sign-out ends the session here and at the provider (RP-initiated logout with the ID token)
		HttpResponse<String> signedOut = again.open("/admin");
		assertThat(signedOut.statusCode()).isEqualTo(200);
		String csrf = csrfOf(signedOut.body());
		HttpResponse<String> logout = again.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/abmelden"))
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf)).build(),
				HttpResponse.BodyHandlers.ofString());
		String endSession = logout.headers().firstValue("Location").orElseThrow();
		assertThat(endSession).startsWith(provider.endSessionEndpointUrl("rathaus").toString()).contains("id_token_hint=",
				"post_logout_redirect_uri=");
		assertThat(again.open("/admin").statusCode()).isEqualTo(200);
		assertThat(again.landedOn()).startsWith("/anmelden");
	}

	@Test
	void someoneWithoutAMappedGroupIsRefusedWithAClearPageAndGetsNoAccount() throws Exception {
		String subject = "kc-" + UUID.randomUUID();
		Browser browser = new Browser();
		providerSays(subject, Map.of("email", "fremd-" + subject.substring(3, 11) + "@musterstadt.example", "groups", List.of("/Kantine")));
		HttpResponse<String> page = browser.open("/anmelden/sso");
		assertThat(browser.landedOn()).isEqualTo("/anmelden?sso=noRole");
		assertThat(page.body()).contains("keiner Rolle in OpenRathaus zugeordnet", "Es wurde kein Konto angelegt");
		assertThat(count("select count(*) from account.staff_sso_identity where subject = ?", subject)).isZero();
	}

	@Test
	void anExistingPasswordAccountIsNotTakenOverBecauseTheAddressMatches() throws Exception {
		String subject = "kc-" + UUID.randomUUID();
		Browser browser = new Browser();
		providerSays(subject, Map.of("email", "verwaltung@musterstadt.example", "groups", List.of("/Rathaus/IT")));
		browser.open("/anmelden/sso");
		assertThat(browser.landedOn()).isEqualTo("/anmelden?sso=emailTaken");
		assertThat(count("select count(*) from account.staff_sso_identity where subject = ?", subject)).isZero();
	}

	@Test
	void aStaffMemberSignedInWithTheirPasswordLinksTheirAccountToTheProviderIdentityAndSignsInThroughItFromThenOn() throws Exception {
		String email = accounts.clerk("Lina", "steuern");
		UUID account = accounts.idOf(email);
		String subject = "kc-" + UUID.randomUUID();

		// refused by address alone, as before
		providerSays(subject, Map.of("email", email, "name", "Lina Link", "groups", List.of("/Rathaus/Steuern")));
		Browser stranger = new Browser();
		stranger.open("/anmelden/sso");
		assertThat(stranger.landedOn()).isEqualTo("/anmelden?sso=emailTaken");
		assertThat(stranger.open(stranger.landedOn()).body()).contains("/konto/dienst-sso");

		// signed in with the password, the clerk asks for the link and signs in at the provider
		Browser browser = new Browser();
		browser.signInWithPassword(email);
		assertThat(browser.landedOn()).isEqualTo("/backoffice");
		HttpResponse<String> page = browser.open("/konto/dienst-sso");
		assertThat(page.body()).contains("Konto mit der Dienstanmeldung verknüpfen", "Ihr Passwort für OpenRathaus wird nicht mehr verwendet");
		providerSays(subject, Map.of("email", email, "name", "Lina Link", "groups", List.of("/Rathaus/Steuern")));
		HttpResponse<String> linked = browser.post("/konto/dienst-sso", "_csrf=" + csrfOf(page.body()));
		assertThat(browser.landedOn()).isEqualTo("/backoffice");
		assertThat(linked.body()).contains("Lina Link");
		assertThat(accountOf(subject)).as("the identity belongs to the password account now").isEqualTo(account);
		assertThat(roles(account)).containsExactly("steuern/CLERK");
		assertThat(browser.open("/konto/dienst-sso").body()).contains("Ihr Konto ist mit der Dienstanmeldung verknüpft");

		// from now on the provider signs the account in, and the password no longer does
		Browser next = new Browser();
		providerSays(subject, Map.of("email", email, "groups", List.of("/Rathaus/Steuern")));
		next.open("/anmelden/sso");
		assertThat(next.landedOn()).isEqualTo("/backoffice");
		Browser password = new Browser();
		password.signInWithPassword(email);
		assertThat(password.landedOn()).startsWith("/anmelden?");

		// another clerk cannot take this identity over by asking for a link
		String other = accounts.clerk("Otto", "steuern");
		Browser otto = new Browser();
		otto.signInWithPassword(other);
		providerSays(subject, Map.of("email", email, "groups", List.of("/Rathaus/Steuern")));
		otto.post("/konto/dienst-sso", "_csrf=" + csrfOf(otto.open("/konto/dienst-sso").body()));
		assertThat(otto.landedOn()).isEqualTo("/anmelden?sso=linkedElsewhere");
		assertThat(accountOf(subject)).isEqualTo(account);
		assertThat(count("select count(*) from account.staff_sso_identity where account_id = ?", accounts.idOf(other))).isZero();
	}

	@Test
	void eachMunicipalityIsServedItsOwnProviderOnlyOnItsOwnHosts() throws Exception {
		UUID other = UUID.randomUUID();
		jdbc.sql("insert into tenancy.tenant(id, slug, name) values (?, 'nachbarstadt-sso', 'Nachbarstadt') on conflict do nothing")
			.param(other).update();
		jdbc.sql("insert into tenancy.tenant_host(host, tenant_id) select 'nachbarstadt-sso.localhost', id from tenancy.tenant "
				+ "where slug = 'nachbarstadt-sso' on conflict do nothing").update();
		String here = mvc.perform(get("/oauth2/authorization/staff")).andReturn().getResponse().getRedirectedUrl();
		String there = mvc.perform(get("/oauth2/authorization/staff").with(request -> {
			request.setServerName("nachbarstadt-sso.localhost");
			return request;
		})).andReturn().getResponse().getRedirectedUrl();
		assertThat(here).startsWith(provider.authorizationEndpointUrl("rathaus").toString()).contains("client_id=openrathaus");
		assertThat(there).startsWith(provider.authorizationEndpointUrl("nachbar").toString()).contains("client_id=nachbar-client");
	}

	UUID accountOf(String subject) {
		return TenantContext.callAs(tenants.byHost("localhost").orElseThrow().id(),
				() -> jdbc.sql("select account_id from account.staff_sso_identity where subject = ?").param(subject).query(UUID.class).single());
	}

	List<String> roles(UUID account) {
		return TenantContext.callAs(tenants.byHost("localhost").orElseThrow().id(),
				() -> jdbc.sql("select department_code || '/' || role from account.staff_role where account_id = ?").param(account)
					.query(String.class).list());
	}

	int count(String sql, Object... params) {
		return TenantContext.callAs(tenants.byHost("localhost").orElseThrow().id(),
				() -> jdbc.sql(sql).params(params).query(Integer.class).single());
	}

	static String csrfOf(String html) {
		java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
		assertThat(token.find()).as("a form with a CSRF token").isTrue();
		return token.group(1);
	}
}
