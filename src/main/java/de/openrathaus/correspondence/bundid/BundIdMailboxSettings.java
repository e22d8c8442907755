// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.bundid;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The BundID mailbox (ZBP) connection, {@code openrathaus.bundid-mailbox.*}; off unless {@code enabled}.
 *
 * @param baseUrl          the ZBP's REST base, e.g. {@code https://int.zbp.bund.de} (reachable from the Verbindungsnetz)
 * @param clientKeystore   PKCS#12 file with the procedure's BPKI key and certificate: the TLS client certificate, the key
 *                         that signs the bearer token and every message
 * @param trustAnchors     PEM file with the CA certificate(s) of the ZBP server; without it the JDK's trust store
 * @param signer           the name the procedure is registered under at the ZBP (the token's {@code signer})
 * @param service          the service name shown with each message (default {@code OpenRathaus})
 * @param senders          the sender shown per municipality, by slug (default: the municipality's name)
 */
@ConfigurationProperties("openrathaus.bundid-mailbox")
public record BundIdMailboxSettings(boolean enabled, @Nullable String baseUrl, @Nullable Path clientKeystore,
		@Nullable String clientKeystorePassword, @Nullable Path trustAnchors, @Nullable String signer, @Nullable String service,
		@Nullable Map<String, String> senders, @Nullable Duration connectTimeout, @Nullable Duration readTimeout) {

	public BundIdMailboxSettings {
		service = service == null || service.isBlank() ? "OpenRathaus" : service;
		senders = senders == null ? Map.of() : Map.copyOf(senders);
		connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
		readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
	}
}
