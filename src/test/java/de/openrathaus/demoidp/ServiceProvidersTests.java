// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.demoidp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;

import de.openrathaus.demoidp.metadata.ServiceProvider;
import de.openrathaus.demoidp.metadata.ServiceProviders;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Service provider metadata is fetched from the configured address only, kept for its time, fetched
 * again when keys may have changed, and an unreachable or silent address neither hangs a request nor
 * is hammered by every request that names it.
 */
class ServiceProvidersTests {

	final AtomicInteger fetches = new AtomicInteger();
	final AtomicReference<String> body = new AtomicReference<>();
	final AtomicInteger status = new AtomicInteger(200);
	final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);
	final HttpServer server = server();
	final MutableClock clock = new MutableClock();

	@AfterEach
	void stop() {
		server.stop(0);
	}

	@Test
	void metadataIsFetchedOnceForItsTimeAndAgainForNewKeysButNotMoreOftenThanEveryFewSeconds() {
		try (TestServiceProvider sp = new TestServiceProvider()) {
			body.set(sp.metadata().replace(sp.entityId, "https://sp.example/saml/metadata"));
			ServiceProviders providers = providers(Duration.ofSeconds(10));
			ServiceProvider found = providers.byEntityId("https://sp.example/saml/metadata", false).orElseThrow();
			assertThat(found.signingCertificates()).containsExactly(sp.signingCertificate);
			assertThat(found.encryptionCertificate()).contains(sp.encryptionCertificate);
			assertThat(found.assertionConsumerService(null, null)).contains(sp.acs);
			assertThat(found.assertionConsumerService("https://elsewhere.example/acs", null)).as("only the metadata's own").isEmpty();
			assertThat(found.singleLogoutService()).contains(sp.slo);
			providers.byEntityId("https://sp.example/saml/metadata", false);
			assertThat(fetches).hasValue(1);

			// the keys change: a request that does not verify asks again, once the retry time has passed
			body.set(body.get().replace(TestServiceProvider.base64(sp.signingCertificate), TestServiceProvider.base64(sp.encryptionCertificate)));
			assertThat(providers.byEntityId("https://sp.example/saml/metadata", true).orElseThrow().signingCertificates())
				.as("asked again within seconds of the last fetch: the copy counts").containsExactly(sp.signingCertificate);
			clock.advance(Duration.ofSeconds(6));
			assertThat(providers.byEntityId("https://sp.example/saml/metadata", true).orElseThrow().signingCertificates())
				.containsExactly(sp.encryptionCertificate);
			assertThat(fetches).hasValue(2);

			// an entity the metadata does not describe is never found, and does not make every request fetch
			for (int i = 0; i < 10; i++) {
				assertThat(providers.byEntityId("https://fremd.example/saml", false)).isEmpty();
			}
			assertThat(fetches).hasValue(2);
		}
	}

	@Test
	void anUnreachableOrSilentSourceIsAskedAgainOnlyAfterTheRetryTimeAndNeverHangsARequest() {
		status.set(500);
		ServiceProviders providers = providers(Duration.ofMinutes(5));
		for (int i = 0; i < 10; i++) {
			assertThat(providers.byEntityId("https://sp.example/saml/metadata", i % 2 == 0)).isEmpty();
		}
		assertThat(fetches).hasValue(1);

		status.set(200);
		delay.set(Duration.ofSeconds(5));
		clock.advance(Duration.ofSeconds(6));
		long started = System.nanoTime();
		assertThat(providers.byEntityId("https://sp.example/saml/metadata", false)).isEmpty();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the read timeout of one second holds").isLessThan(Duration.ofSeconds(3));
	}

	@Test
	void metadataWithADoctypeIsNotRead() {
		try (TestServiceProvider sp = new TestServiceProvider()) {
			body.set("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + sp.metadata());
			assertThat(providers(Duration.ofMinutes(5)).byEntityId(sp.entityId, false)).isEmpty();
		}
	}

	private ServiceProviders providers(Duration cache) {
		return new ServiceProviders(List.of("http://127.0.0.1:" + server.getAddress().getPort() + "/metadata"), cache, Duration.ofSeconds(1),
				Duration.ofSeconds(1), clock);
	}

	private HttpServer server() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
			server.createContext("/metadata", exchange -> {
				fetches.incrementAndGet();
				try {
					Thread.sleep(delay.get().toMillis()); // a silent server, for the timeout
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
				byte[] bytes = (body.get() == null ? "" : body.get()).getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(status.get(), bytes.length == 0 ? -1 : bytes.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(bytes);
				}
			});
			server.start();
			return server;
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}

	static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-12-04T12:00:00Z");

		void advance(Duration duration) {
			now = now.plus(duration);
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
