// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment.provider;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import javax.net.ssl.SSLContext;

import org.jspecify.annotations.Nullable;

/**
 * The one way the adapters talk HTTP: a connect timeout on the client and a read timeout on every
 * request, no redirects followed, and any failure a {@link PaymentProvider.ProviderException}
 * without the response body (it may echo personal data).
 */
final class HttpJson {

	private final HttpClient client;
	private final Duration readTimeout;

	HttpJson(Duration connectTimeout, Duration readTimeout, @Nullable SSLContext tls) {
		HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NEVER);
		if (tls != null) {
			builder.sslContext(tls);
		}
		this.client = builder.build();
		this.readTimeout = readTimeout;
	}

	HttpRequest.Builder request(URI uri) {
		return HttpRequest.newBuilder(uri).timeout(readTimeout);
	}

	/** Sends and answers the body of a 2xx response; anything else is a provider failure. */
	String send(HttpRequest request) {
		HttpResponse<String> response;
		try {
			response = client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new PaymentProvider.ProviderException("provider not reachable: " + e.getClass().getSimpleName(), e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new PaymentProvider.ProviderException("interrupted", e);
		}
		if (response.statusCode() / 100 != 2) {
			throw new PaymentProvider.ProviderException("provider answered HTTP " + response.statusCode(), response.statusCode());
		}
		return response.body();
	}
}
