// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.internal;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Outgoing mail, {@code openrathaus.mail.*}.
 *
 * @param mode {@code pickup}: each mail is written as an RFC 822 {@code .eml} file to
 *        {@code pickupDirectory} (the embedded default); {@code smtp}: sent through the server of
 *        the standard {@code spring.mail.*} properties
 * @param from sender address of all mails
 * @param sendInterval how often the outbox is worked off
 * @param maxAttempts after this many failed attempts a mail is marked FAILED
 * @param connectTimeout how long to wait for the SMTP server to accept the connection
 * @param readTimeout how long to wait for each answer of the SMTP server
 * @param writeTimeout how long writing a command or the message to the SMTP server may take
 */
@ConfigurationProperties("openrathaus.mail")
record CorrespondenceSettings(Mode mode, String from, Path pickupDirectory, Duration sendInterval, int maxAttempts,
		Duration connectTimeout, Duration readTimeout, Duration writeTimeout) {

	enum Mode {
		PICKUP, SMTP
	}

	CorrespondenceSettings {
		mode = mode == null ? Mode.PICKUP : mode;
		from = from == null ? "OpenRathaus <no-reply@openrathaus.localhost>" : from;
		pickupDirectory = pickupDirectory == null ? Path.of("data", "mail-pickup") : pickupDirectory;
		sendInterval = sendInterval == null ? Duration.ofSeconds(2) : sendInterval;
		maxAttempts = maxAttempts <= 0 ? 8 : maxAttempts;
		connectTimeout = positive(connectTimeout, Duration.ofSeconds(10));
		readTimeout = positive(readTimeout, Duration.ofSeconds(30));
		writeTimeout = positive(writeTimeout, Duration.ofSeconds(30));
	}

	private static Duration positive(Duration value, Duration fallback) {
		return value == null || value.isZero() || value.isNegative() ? fallback : value;
	}

	/**
	 * How long a claimed mail is left alone by other senders: longer than one delivery can take with
	 * these timeouts (connect, then the answers to a handful of commands and the message itself).
	 */
	Duration lease() {
		return connectTimeout.plus(readTimeout.multipliedBy(6)).plus(writeTimeout.multipliedBy(2)).plusSeconds(30);
	}
}
