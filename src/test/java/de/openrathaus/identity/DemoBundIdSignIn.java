// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.identity;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.Jsoup;

/**
 * A sign-in through a demo identity provider of this server over HTTP, as a new browser makes it (fresh
 * cookies, redirects and forms followed by hand): start at the service provider, the provider's choice
 * page, the test person chosen, the response posted to the assertion consumer service.
 */
final class DemoBundIdSignIn {

	private DemoBundIdSignIn() {
	}

	/** Where the browser is sent at the end: the target on success, else the status of the page that refused. */
	static String roundTrip(String base, String registration, String person) throws Exception {
		HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10)).build();
		URI start = URI.create(base + "/anmelden/" + registration + "?niveau=SUBSTANTIAL");
		HttpResponse<String> toIdp = http.send(HttpRequest.newBuilder(start).GET().build(), HttpResponse.BodyHandlers.ofString());
		if (toIdp.statusCode() != 302) {
			return "status " + toIdp.statusCode();
		}
		URI sso = start.resolve(toIdp.headers().firstValue("Location").orElseThrow());
		HttpResponse<String> choice = http.send(HttpRequest.newBuilder(sso).GET().build(), HttpResponse.BodyHandlers.ofString());
		org.jsoup.nodes.Element form = Jsoup.parse(choice.body()).select("form").first();
		Map<String, String> fields = new LinkedHashMap<>();
		form.select("input[type=hidden]").forEach(input -> fields.put(input.attr("name"), input.val()));
		fields.put("person", person);
		HttpResponse<String> answer = post(http, sso.resolve(form.attr("action")), fields);
		org.jsoup.nodes.Element toSp = Jsoup.parse(answer.body()).getElementById("saml-post");
		Map<String, String> response = new LinkedHashMap<>();
		toSp.select("input[type=hidden]").forEach(input -> response.put(input.attr("name"), input.val()));
		HttpResponse<String> signedIn = post(http, URI.create(toSp.attr("action")), response);
		return signedIn.headers().firstValue("Location").orElse("status " + signedIn.statusCode());
	}

	private static HttpResponse<String> post(HttpClient http, URI uri, Map<String, String> form) throws Exception {
		StringBuilder body = new StringBuilder();
		form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
	}
}
