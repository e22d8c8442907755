// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Inflater;

import de.openrathaus.identity.config.ServiceProviderKeys;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Validated responses per second through the assertion consumer service (docs/benchmarks.md): each
 * sign-in is started (its request stored), its response signed and encrypted by a test identity
 * provider beforehand; then the responses are posted by {@code THREADS} threads and every one is
 * parsed, decrypted (RSA-OAEP with the 3072-bit SP key, AES-256-GCM), its signature verified, all
 * conditions checked, the request used up and the assertion id recorded in PostgreSQL, and account
 * called. Only runs with {@code -Dopenrathaus.bench=true}.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(SamlServiceProviderIntegrationTests.RecordingConfiguration.class)
@EnabledIfSystemProperty(named = "openrathaus.bench", matches = "true")
class AssertionConsumerBenchmark {

	static final TestIdentityProvider IDP = new TestIdentityProvider("https://bundid.bench/idp");
	static final int RESPONSES = Integer.getInteger("openrathaus.bench.responses", 3000);
	static final int THREADS = Integer.getInteger("openrathaus.bench.threads", 2);

	@DynamicPropertySource
	static void identityProvider(DynamicPropertyRegistry registry) throws Exception {
		Path metadata = IDP.metadataFile(Path.of("target", "identity-bench"));
		registry.add("openrathaus.identity.tenants.musterstadt.identity-providers.bundid.metadata-file", metadata::toString);
		registry.add("openrathaus.identity.tenants.musterstadt.identity-providers.bundid.metadata-signing-certificate", () -> "");
		// all sign-ins of the benchmark start from MockMvc's one address, before any is answered
		registry.add("openrathaus.identity.max-pending-per-client", () -> RESPONSES + 1000);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	ServiceProviderKeys keys;

	@Autowired
	SamlServiceProviderIntegrationTests.RecordingSignIn account;

	@Test
	void validatedResponsesPerSecond() throws Exception {
		List<String> responses = new ArrayList<>();
		for (int i = 0; i < RESPONSES + 200; i++) {
			String location = mvc.perform(get("/anmelden/bundid?niveau=SUBSTANTIAL")).andReturn().getResponse().getRedirectedUrl();
			String request = URLDecoder.decode(location.substring(location.indexOf("SAMLRequest=") + 12, location.indexOf('&')), StandardCharsets.UTF_8);
			Inflater inflater = new Inflater(true);
			inflater.setInput(Base64.getDecoder().decode(request));
			byte[] xml = new byte[64 * 1024];
			int length = inflater.inflate(xml);
			String id = TestIdentityProvider.parse(new String(xml, 0, length, StandardCharsets.UTF_8)).getDocumentElement().getAttribute("ID");
			responses.add(IDP.post(new TestIdentityProvider.Response(id, IDP), keys.of("musterstadt").certificate()));
		}
		// warm-up: 200 responses
		for (String response : responses.subList(0, 200)) {
			mvc.perform(post("/saml/acs").param("SAMLResponse", response));
		}
		List<String> measured = responses.subList(200, responses.size());
		AtomicInteger next = new AtomicInteger();
		AtomicInteger accepted = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		long started = System.nanoTime();
		List<Future<?>> workers = new ArrayList<>();
		for (int t = 0; t < THREADS; t++) {
			workers.add(pool.submit(() -> {
				int i;
				while ((i = next.getAndIncrement()) < measured.size()) {
					try {
						String target = mvc.perform(post("/saml/acs").param("SAMLResponse", measured.get(i))).andReturn().getResponse()
							.getRedirectedUrl();
						if ("/portal".equals(target)) {
							accepted.incrementAndGet();
						}
					}
					catch (Exception e) {
						throw new IllegalStateException(e);
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
		System.out.printf("%n== SAML ACS benchmark: %d responses, %d threads, %.2f s: %.1f validated responses/s (%d accepted)%n%n",
				measured.size(), THREADS, seconds, measured.size() / seconds, accepted.get());
		assertThat(accepted.get()).isEqualTo(measured.size());
	}
}
