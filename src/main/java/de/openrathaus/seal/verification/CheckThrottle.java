// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.seal.verification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import de.openrathaus.seal.keys.SealSettings;
import de.openrathaus.web.Refusal;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Limits how many checks one client (address) makes per minute, so the codes cannot be guessed and
 * DSS validations cannot be used to load the server. Counted in fixed one-minute windows in memory;
 * old windows are dropped as new ones start.
 */
@Component
class CheckThrottle {

	private static final Duration WINDOW = Duration.ofMinutes(1);
	private static final int MAX_CLIENTS = 100_000;

	private final int perMinute;
	private final Clock clock;
	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	CheckThrottle(SealSettings settings, Clock clock) {
		this.perMinute = settings.checksPerMinute();
		this.clock = clock;
	}

	private record Window(long minute, int count) {
	}

	/** Counts a check of this client, or refuses it (429) when the client used up this minute's checks. */
	void acquire(String client) {
		long minute = clock.instant().getEpochSecond() / WINDOW.toSeconds();
		if (windows.size() > MAX_CLIENTS) {
			windows.values().removeIf(window -> window.minute() < minute);
		}
		Window window = windows.compute(client,
				(key, old) -> old == null || old.minute() != minute ? new Window(minute, 1) : new Window(minute, old.count() + 1));
		if (window.count() > perMinute) {
			throw Refusal.of("seal.check.tooMany").withStatus(HttpStatus.TOO_MANY_REQUESTS);
		}
	}

	Instant now() {
		return clock.instant();
	}
}
