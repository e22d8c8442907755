// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.identity.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import de.openrathaus.identity.config.IdentitySettings;
import de.openrathaus.identity.config.ServiceProviderKeys;

import org.junit.jupiter.api.Test;

/**
 * Identity provider metadata from a URL: fetched on first use only, cached for the refresh interval,
 * the last good copy kept when a refresh fails, and a provider that does not answer in time is "not
 * available" rather than a hanging sign-in.
 */
class IdentityProvidersTests {

	static String metadata() throws Exception {
		var generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		var certificate = ServiceProviderKeys.selfSigned(generator.generateKeyPair(), "CN=idp", Instant.now());
		return """
				<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="https://idp.test">
				<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
				<md:KeyDescriptor><ds:KeyInfo><ds:X509Data><ds:X509Certificate>%s</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
				<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://idp.test/post"/>
				<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.test/sso"/>
				</md:IDPSSODescriptor></md:EntityDescriptor>""".formatted(Base64.getEncoder().encodeToString(certificate.getEncoded()));
	}

	static IdentitySettings settings(String url, Duration readTimeout) {
		var registration = new IdentitySettings.Registration(url, null, null, null, null, null, null, null);
		var tenant = new IdentitySettings.TenantSettings(null, null, null, null, null, null, Map.of("bundid", registration));
		return new IdentitySettings("target/identity", null, null, Duration.ofHours(1), Duration.ofSeconds(2), readTimeout,
				Map.of("stadt", tenant), null, null);
	}

	@Test
	void metadataIsFetchedOnFirstUseCachedAndKeptWhenTheProviderIsGone() throws Exception {
		byte[] body = metadata().getBytes(StandardCharsets.UTF_8);
		AtomicInteger fetched = new AtomicInteger();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/metadata", exchange -> {
			fetched.incrementAndGet();
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		server.start();
		MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
		IdentityProviders providers = new IdentityProviders(settings("http://127.0.0.1:" + server.getAddress().getPort() + "/metadata",
				Duration.ofSeconds(20)), clock);
		assertThat(fetched).as("nothing at start-up").hasValue(0);
		IdentityProvider provider = providers.of("stadt", "bundid");
		assertThat(provider.entityId()).isEqualTo("https://idp.test");
		assertThat(provider.singleSignOnUrl()).as("the redirect binding's endpoint").isEqualTo("https://idp.test/sso");
		providers.of("stadt", "bundid");
		assertThat(fetched).as("cached").hasValue(1);
		server.stop(0);
		clock.now = clock.now.plus(Duration.ofHours(2));
		assertThat(providers.of("stadt", "bundid").entityId()).as("the last good copy").isEqualTo("https://idp.test");
	}

	@Test
	void aProviderThatDoesNotAnswerInTimeIsNotAvailable() throws Exception {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/metadata", exchange -> {
			try {
				new java.util.concurrent.CountDownLatch(1).await(60, java.util.concurrent.TimeUnit.SECONDS); // a provider that stays silent
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			exchange.close();
		});
		java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newCachedThreadPool();
		server.setExecutor(executor);
		server.start();
		try {
			IdentityProviders providers = new IdentityProviders(settings("http://127.0.0.1:" + server.getAddress().getPort() + "/metadata",
					Duration.ofSeconds(1)), Clock.systemUTC());
			long started = System.nanoTime();
			assertThatThrownBy(() -> providers.of("stadt", "bundid")).isInstanceOf(SamlRefusal.class)
				.extracting(e -> ((SamlRefusal) e).reason()).isEqualTo(SamlRefusal.Reason.NOT_CONFIGURED);
			// the one-second timeout, not the minute the provider would take (with room for a loaded machine)
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
			assertThatThrownBy(() -> providers.of("stadt", "unternehmenskonto")).isInstanceOf(SamlRefusal.class);
		}
		finally {
			server.stop(0);
			executor.shutdownNow();
		}
	}

	static final class MutableClock extends Clock {

		Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	}
}
