// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import de.openrathaus.OpenRathausApplication;
import de.openrathaus.account.AccountId;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.TenantId;
import de.openrathaus.tenancy.Tenants;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes on one database, as behind a load balancer: the HTTP session lives in PostgreSQL, so a
 * sign-in on the first node holds on the second, and a password reset on one node signs the account out
 * on both. Through the real servers (Tomcat), cookies as a browser sees them; anonymous pages create no
 * session row.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SessionsAcrossNodesIntegrationTests {

	private static final String CLERK = "verwaltung@musterstadt.example";

	static ConfigurableApplicationContext first;
	static ConfigurableApplicationContext second;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeAll
	static void twoNodes() throws Exception {
		// production's session store (the test profile keeps the container's sessions for MockMvc)
		first = node("spring.autoconfigure.exclude=");
		HikariDataSource database = first.getBean(DataSource.class).unwrap(HikariDataSource.class);
		// the second node: the first one's database, already migrated
		second = node("spring.autoconfigure.exclude=", "spring.datasource.url=" + database.getJdbcUrl(),
				"spring.datasource.username=" + database.getUsername(), "spring.datasource.password=" + database.getPassword(),
				"spring.flyway.enabled=false", "spring.modulith.events.jdbc.schema-initialization.enabled=false",
				"openrathaus.demo.enabled=false");
	}

	private static ConfigurableApplicationContext node(String... properties) {
		// as command-line arguments: they outrank application.yaml (default properties would not)
		java.util.List<String> arguments = new java.util.ArrayList<>(java.util.List.of("--server.port=0",
				"--openrathaus.records.audit.checkpoint-file=target/audit/" + UUID.randomUUID() + "/checkpoints.log"));
		for (String property : properties) {
			arguments.add("--" + property);
		}
		return new SpringApplicationBuilder(OpenRathausApplication.class).profiles("test").run(arguments.toArray(String[]::new));
	}

	@AfterAll
	static void stop() {
		if (second != null) {
			second.close();
		}
		if (first != null) {
			first.close();
		}
	}

	@Test
	void aSignInOnOneNodeHoldsOnTheOther() throws Exception {
		String session = signIn(first, "Demo-Passwort-2026");
		assertThat(get(second, "/admin", session).statusCode()).isEqualTo(200);
		assertThat(get(first, "/admin", session).statusCode()).isEqualTo(200);
		assertThat(sessionRows()).isPositive();
	}

	@Test
	void anonymousPagesCreateNoSessionRow() throws Exception {
		long before = sessionRows();
		for (int i = 0; i < 30; i++) {
			HttpResponse<String> page = get(i % 2 == 0 ? first : second, "/anmelden", null);
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("ORSESSION="));
		}
		assertThat(sessionRows()).isEqualTo(before);
	}

	@Test
	@Order(Integer.MAX_VALUE) // changes the clerk's password: last
	void aPasswordResetOnOneNodeSignsTheAccountOutOnEveryNode() throws Exception {
		String onFirst = signIn(first, "Demo-Passwort-2026");
		String onSecond = signIn(second, "Demo-Passwort-2026");
		assertThat(get(first, "/admin", onSecond).statusCode()).isEqualTo(200);

		// the session rows name the account by its id (the session index), never by its e-mail address
		AccountId clerk = new AccountId(UUID.fromString(first.getBean(JdbcClient.class)
			.sql("select distinct trim(principal_name) from operations.http_session where principal_name is not null").query(String.class).single()));
		TenantId musterstadt = second.getBean(Tenants.class).byHost("localhost").orElseThrow().id();
		String token = TenantContext.callAs(musterstadt, () -> second.getBean(PasswordResetTokens.class).issue(clerk, Instant.now()).token());
		HttpResponse<String> form = get(second, "/passwort-neu?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8), null);
		String password = "Ganz-neues-Passwort-2026!";
		HttpResponse<String> reset = post(second, "/passwort-neu", csrfCookie(form), "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
				+ "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&passwordRepeat="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrfField(form));
		assertThat(reset.statusCode()).isLessThan(400);

		for (String session : new String[] { onFirst, onSecond }) {
			for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] { first, second }) {
				HttpResponse<String> admin = get(node, "/admin", session);
				assertThat(admin.statusCode()).isEqualTo(302);
				assertThat(admin.headers().firstValue("Location").orElseThrow()).contains("/anmelden");
			}
		}
		// the new password works (and the old one no longer)
		assertThat(get(first, "/admin", signIn(first, password)).statusCode()).isEqualTo(200);

		// the demo password back, through the same reset: CI's second run shares this database with later tests
		String back = TenantContext.callAs(musterstadt, () -> second.getBean(PasswordResetTokens.class).issue(clerk, Instant.now()).token());
		HttpResponse<String> again = get(second, "/passwort-neu?token=" + URLEncoder.encode(back, StandardCharsets.UTF_8), null);
		HttpResponse<String> restored = post(second, "/passwort-neu", csrfCookie(again), "token=" + URLEncoder.encode(back, StandardCharsets.UTF_8)
				+ "&password=Demo-Passwort-2026&passwordRepeat=Demo-Passwort-2026&_csrf=" + csrfField(again));
		assertThat(restored.statusCode()).isLessThan(400);
		assertThat(get(first, "/admin", signIn(first, "Demo-Passwort-2026")).statusCode()).isEqualTo(200);
	}

	private long sessionRows() {
		return first.getBean(JdbcClient.class).sql("select count(*) from operations.http_session").query(Long.class).single();
	}

	private String signIn(ConfigurableApplicationContext node, String password) throws Exception {
		HttpResponse<String> form = get(node, "/anmelden", null);
		HttpResponse<String> signedIn = post(node, "/anmelden", csrfCookie(form), "email=" + URLEncoder.encode(CLERK, StandardCharsets.UTF_8)
				+ "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrfField(form));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/admin");
		return signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("ORSESSION="))
			.map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
	}

	private static String csrfCookie(HttpResponse<String> form) {
		return form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF") || c.contains("CSRF"))
			.map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
	}

	private static String csrfField(HttpResponse<String> form) {
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
		assertThat(token.find()).as("CSRF field in the form").isTrue();
		return URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
	}

	private HttpResponse<String> get(ConfigurableApplicationContext node, String path, String cookie) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base(node) + path)).timeout(Duration.ofSeconds(30));
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(ConfigurableApplicationContext node, String path, String cookie, String body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(base(node) + path)).timeout(Duration.ofSeconds(30))
			.header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String base(ConfigurableApplicationContext node) {
		return "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
	}
}
