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
 */
@ConfigurationProperties("openrathaus.mail")
record CorrespondenceSettings(Mode mode, String from, Path pickupDirectory, Duration sendInterval,
		int maxAttempts) {

	enum Mode {
		PICKUP, SMTP
	}

	CorrespondenceSettings {
		mode = mode == null ? Mode.PICKUP : mode;
		from = from == null ? "OpenRathaus <no-reply@openrathaus.localhost>" : from;
		pickupDirectory = pickupDirectory == null ? Path.of("data", "mail-pickup") : pickupDirectory;
		sendInterval = sendInterval == null ? Duration.ofSeconds(2) : sendInterval;
		maxAttempts = maxAttempts <= 0 ? 8 : maxAttempts;
	}
}
