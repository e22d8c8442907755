// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.inbound;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The city's mailbox for replies, {@code openrathaus.inbound.*}. Off unless {@code enabled} and a
 * host are set (the embedded demo has no mailbox to read).
 *
 * @param address  the reply address; each case answers to its sub-address {@code local+<municipality>.<token>@domain}
 * @param protocol {@code imaps} (default) or {@code imap}
 * @param maxSize  larger mails are not read: their headers go to the triage list and the mail stays in the mailbox
 * @param municipality the slug of the municipality whose triage list takes mail that names none (default: the first configured)
 */
@ConfigurationProperties("openrathaus.inbound")
public record InboundSettings(boolean enabled, @Nullable String address, @Nullable String host, int port, @Nullable String protocol,
		@Nullable String username, @Nullable String password, @Nullable String folder, @Nullable Duration connectTimeout,
		@Nullable Duration readTimeout, int maxSize, int batch, @Nullable String municipality) {

	public InboundSettings {
		address = address == null ? "antwort@openrathaus.localhost" : address;
		protocol = protocol == null ? "imaps" : protocol;
		port = port <= 0 ? ("imap".equals(protocol) ? 143 : 993) : port;
		folder = folder == null ? "INBOX" : folder;
		connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
		readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
		maxSize = maxSize <= 0 ? 20 * 1024 * 1024 : maxSize;
		batch = batch <= 0 ? 50 : batch;
	}

	boolean active() {
		return enabled && host != null && !host.isBlank();
	}

	String local() {
		return address.substring(0, address.indexOf('@'));
	}

	String domain() {
		return address.substring(address.indexOf('@') + 1);
	}
}
