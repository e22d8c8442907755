// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Whole sign-in round trips per second through the demo BundID and the service provider over real HTTP
 * (docs/benchmarks.md), as a browser makes them, each with fresh cookies: {@code /anmelden/bundid} (request
 * state stored, AuthnRequest signed), the demo identity provider's choice page (request verified), the
 * choice posted (assertion signed and encrypted, response signed), the response posted to {@code /saml/acs}
 * (decrypted, verified, checked, request used up, assertion id recorded) and the citizen signed in by
 * account (account found by bPK2, session made). Only runs with {@code -Dopenrathaus.bench=true}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@EnabledIfSystemProperty(named = "openrathaus.bench", matches = "true")
class SignInRoundTripBenchmark {

	static final int ROUND_TRIPS = Integer.getInteger("openrathaus.bench.roundtrips", 600);
	static final int WARM_UP = Integer.getInteger("openrathaus.bench.warmup", 100);
	static final int THREADS = Integer.getInteger("openrathaus.bench.threads", 2);

	/** The demo configuration names both sides' metadata with {@code server.port}: a known free port, not 0. */
	@DynamicPropertySource
	static void knownPort(DynamicPropertyRegistry registry) {
		try (ServerSocket socket = new ServerSocket(0)) {
			int port = socket.getLocalPort();
			registry.add("server.port", () -> port);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@LocalServerPort
	int port;

	/** One sign-in as a new browser would make it; returns where the citizen lands. */
	String roundTrip() throws Exception {
		return DemoBundIdSignIn.roundTrip("http://localhost:" + port, "bundid", "max");
	}

	@Test
	void signInRoundTripsPerSecond() throws Exception {
		for (int i = 0; i < WARM_UP; i++) {
			assertThat(roundTrip()).endsWith("/portal");
		}
		AtomicInteger next = new AtomicInteger();
		AtomicInteger signedIn = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		long started = System.nanoTime();
		List<Future<?>> workers = new ArrayList<>();
		for (int t = 0; t < THREADS; t++) {
			workers.add(pool.submit(() -> {
				while (next.getAndIncrement() < ROUND_TRIPS) {
					if (roundTrip().endsWith("/portal")) {
						signedIn.incrementAndGet();
					}
				}
				return null;
			}));
		}
		for (Future<?> worker : workers) {
			worker.get();
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		pool.shutdown();
		System.out.printf("%n== Sign-in round trip benchmark (demo BundID + SP over HTTP): %d round trips, %d threads, %.2f s: %.1f sign-ins/s"
				+ " (%d signed in)%n%n", ROUND_TRIPS, THREADS, seconds, ROUND_TRIPS / seconds, signedIn.get());
		assertThat(signedIn.get()).isEqualTo(ROUND_TRIPS);
	}
}
