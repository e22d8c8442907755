// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded default with the metadata check on, over real HTTP: the demo BundID's signed metadata
 * verifies against the certificate the demo configuration names, and a citizen signs in through it; the
 * organisation provider, configured here with the wrong trust anchor (BundID's certificate), is not
 * available, although its metadata is signed too, by its own key.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SignedDemoMetadataIntegrationTests {

	/** The demo configuration names both sides' metadata with {@code server.port}: a known free port, not 0. */
	@DynamicPropertySource
	static void knownPortAndAWrongAnchor(DynamicPropertyRegistry registry) {
		try (ServerSocket socket = new ServerSocket(0)) {
			int port = socket.getLocalPort();
			registry.add("server.port", () -> port);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		registry.add("openrathaus.identity.tenants.musterstadt.identity-providers.unternehmenskonto.metadata-signing-certificate",
				() -> "${openrathaus.demoidp.key-directory}/bundid.crt");
	}

	@LocalServerPort
	int port;

	@Test
	void signedDemoMetadataIsTrustedByItsCertificateAndMetadataSignedByAnotherKeyIsNot() throws Exception {
		String base = "http://localhost:" + port;
		assertThat(DemoBundIdSignIn.roundTrip(base, "bundid", "max")).endsWith("/portal");
		assertThat(DemoBundIdSignIn.roundTrip(base, "unternehmenskonto", "petra")).as("metadata not signed by the anchor: not available")
			.isEqualTo("status 503");
	}
}
