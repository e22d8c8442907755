// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Anonymous visitors get no HTTP session: a flood of page views must not fill the server's memory.
 * Through the real server (Tomcat), cookies as a browser sees them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AnonymousSessionIntegrationTests {

	static final List<String> PUBLIC_PAGES = List.of("/", "/anmelden", "/registrieren", "/leistungen", "/konto/bestaetigen/neu",
			"/registrieren/bestaetigen", "/anmelden?fehler", "/anmelden?warten", "/passwort-vergessen", "/passwort-vergessen/gesendet",
			"/passwort-neu?token=unbekannt");

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void publicPagesSetNoSessionCookie() throws Exception {
		for (String page : PUBLIC_PAGES) {
			HttpResponse<String> response = get(page, null);
			assertThat(response.statusCode()).as(page).isEqualTo(200);
			assertThat(response.headers().allValues("Set-Cookie")).as(page).noneMatch(c -> c.startsWith("ORSESSION="));
		}
	}

	@Test
	void signInStillNeedsTheFormsTokenAndThenStartsASession() throws Exception {
		HttpResponse<String> form = get("/anmelden", null);
		String csrfCookie = form.headers().allValues("Set-Cookie").stream().filter(c -> !c.startsWith("ORLANG"))
			.map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
		assertThat(token.find()).as("CSRF field in the sign-in form").isTrue();

		HttpResponse<String> withoutToken = post("/anmelden", csrfCookie, "email=verwaltung%40musterstadt.example&password=Demo-Passwort-2026");
		assertThat(withoutToken.statusCode()).isEqualTo(403);
		assertThat(withoutToken.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("ORSESSION="));

		HttpResponse<String> signedIn = post("/anmelden", csrfCookie, "email=verwaltung%40musterstadt.example&password=Demo-Passwort-2026&_csrf="
				+ URLEncoder.encode(token.group(1), StandardCharsets.UTF_8));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/admin");
		String session = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("ORSESSION="))
			.map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
		assertThat(get("/admin", session).statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> get(String path, String cookie) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(20));
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String cookie, String body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(20))
			.header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
	}
}
