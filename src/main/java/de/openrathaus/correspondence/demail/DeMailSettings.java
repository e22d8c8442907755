// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.demail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * De-Mail through the provider's gateway ({@code openrathaus.de-mail.*}), off unless {@code enabled}.
 * The gateway takes outgoing De-Mail over SMTP and holds incoming De-Mail, confirmations and
 * notifications in a mailbox read over IMAP (BSI TR-01201 part 3.4).
 *
 * @param addresses     the De-Mail address of each municipality, by slug; a municipality without one offers no De-Mail
 * @param domains       the domains De-Mail addresses end in; a citizen's address must end in one (default {@code de-mail.de})
 * @param smtpSecurity  {@code starttls} (default), {@code ssl} or {@code none} (only for a gateway on the same host)
 * @param imapProtocol  {@code imaps} (default) or {@code imap}
 * @param trustAnchors  a PEM file with the certificate(s) the provider's attestation signatures chain to; without it no
 *                      incoming mail counts as De-Mail
 * @param retrieveConfirmation whether outgoing De-Mail asks for the confirmation of retrieval (Abholbestätigung, default yes)
 */
@ConfigurationProperties("openrathaus.de-mail")
public record DeMailSettings(boolean enabled, @Nullable Map<String, String> addresses, @Nullable List<String> domains,
		@Nullable String smtpHost, int smtpPort, @Nullable String smtpSecurity, @Nullable String smtpUsername, @Nullable String smtpPassword,
		@Nullable String imapHost, int imapPort, @Nullable String imapProtocol, @Nullable String imapUsername, @Nullable String imapPassword,
		@Nullable String imapFolder, @Nullable Path trustAnchors, @Nullable Boolean retrieveConfirmation, @Nullable Duration connectTimeout,
		@Nullable Duration readTimeout, int maxSize, int batch) {

	public DeMailSettings {
		addresses = addresses == null ? Map.of() : Map.copyOf(addresses);
		domains = domains == null || domains.isEmpty() ? List.of("de-mail.de") : List.copyOf(domains);
		smtpSecurity = smtpSecurity == null ? "starttls" : smtpSecurity.toLowerCase(java.util.Locale.ROOT);
		smtpPort = smtpPort > 0 ? smtpPort : "ssl".equals(smtpSecurity) ? 465 : 587;
		imapProtocol = imapProtocol == null ? "imaps" : imapProtocol;
		imapPort = imapPort > 0 ? imapPort : "imap".equals(imapProtocol) ? 143 : 993;
		imapFolder = imapFolder == null ? "INBOX" : imapFolder;
		retrieveConfirmation = retrieveConfirmation == null ? Boolean.TRUE : retrieveConfirmation;
		connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
		readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
		maxSize = maxSize <= 0 ? 20 * 1024 * 1024 : maxSize;
		batch = batch <= 0 ? 50 : batch;
	}

	/** The De-Mail address a municipality sends from, if it has one. */
	public Optional<String> addressOf(String municipality) {
		return Optional.ofNullable(addresses.get(municipality)).filter(a -> !a.isBlank());
	}

	/** The municipality whose De-Mail address this is. */
	public Optional<String> municipalityOf(String address) {
		return addresses.entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(address.strip())).map(Map.Entry::getKey).findFirst();
	}

	/** Whether incoming De-Mail is read at all. */
	public boolean receives() {
		return enabled && imapHost != null && !imapHost.isBlank();
	}
}
