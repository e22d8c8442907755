// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment.provider;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OAuth2 client credentials grant (RFC 6749 §4.4) for providers that want a bearer token, as
 * GovConnect's XBezahldienste does. The token is kept until shortly before it expires.
 */
final class AccessTokens {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final @Nullable String tokenUrl;
	private final @Nullable String clientId;
	private final @Nullable String clientSecret;
	private final HttpJson http;
	private final Clock clock;
	private @Nullable String token;
	private Instant expires = Instant.EPOCH;

	AccessTokens(PaymentSettings.XBezahldienste settings, HttpJson http, Clock clock) {
		this.tokenUrl = settings.tokenUrl();
		this.clientId = settings.clientId();
		this.clientSecret = settings.clientSecret();
		this.http = http;
		this.clock = clock;
	}

	synchronized String token() {
		if (token != null && clock.instant().isBefore(expires)) {
			return token;
		}
		if (tokenUrl == null || clientId == null || clientSecret == null) {
			throw new PaymentProvider.ProviderException("oauth2 needs token-url, client-id and client-secret");
		}
		String basic = Base64.getEncoder().encodeToString((form(clientId) + ":" + form(clientSecret)).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = http.request(URI.create(tokenUrl)).header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
		JsonNode answer = JSON.readTree(http.send(request));
		String value = answer.path("access_token").asString("");
		if (value.isBlank()) {
			throw new PaymentProvider.ProviderException("token endpoint answered no access_token");
		}
		long seconds = answer.path("expires_in").asLong(60);
		token = value;
		expires = clock.instant().plusSeconds(Math.max(0, seconds - 30));
		return value;
	}

	private static String form(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
