// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.delivery;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the outbox of every channel works off its messages ({@code openrathaus.delivery.*}).
 *
 * @param maxAttempts attempts on a channel before the message falls back to a letter (default 6)
 * @param firstPause  pause after the first failed attempt; it doubles with each further one (default 5 s)
 * @param maxPause    the longest pause between two attempts (default 1 h)
 * @param lease       how long a claimed message is out of the other senders' way (default 2 min; longer than any channel's timeouts)
 */
@ConfigurationProperties("openrathaus.delivery")
public record DeliverySettings(int maxAttempts, @Nullable Duration firstPause, @Nullable Duration maxPause, @Nullable Duration lease) {

	public DeliverySettings {
		maxAttempts = maxAttempts <= 0 ? 6 : maxAttempts;
		firstPause = firstPause == null ? Duration.ofSeconds(5) : firstPause;
		maxPause = maxPause == null ? Duration.ofHours(1) : maxPause;
		lease = lease == null ? Duration.ofMinutes(2) : lease;
	}

	/** The pause after the given number of failed attempts: doubling from the first pause, capped. */
	Duration pauseAfter(int failedAttempts) {
		long factor = 1L << Math.min(20, Math.max(0, failedAttempts - 1));
		Duration pause = firstPause.multipliedBy(factor);
		return pause.compareTo(maxPause) > 0 ? maxPause : pause;
	}
}
