// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.privacy.legal;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import de.openrathaus.tenancy.TenantId;
import de.openrathaus.web.Refusal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits barrier reports, which anyone may send without signing in and each of which becomes a mail
 * to the responsible office: per client address ({@code openrathaus.privacy.feedback-per-client},
 * default 5 in ten minutes) and per municipality ({@code feedback-per-municipality}, default 200 an
 * hour), so a script cannot bury the office's mailbox or fill the table. Counted in fixed windows in
 * this node's memory; with several nodes each counts its own share.
 */
@Component
class FeedbackThrottle {

	private static final Duration CLIENT_WINDOW = Duration.ofMinutes(10);
	private static final Duration MUNICIPALITY_WINDOW = Duration.ofHours(1);
	private static final int MAX_CLIENTS = 100_000;

	private record Window(long start, int count) {
	}

	private final int perClient;
	private final int perMunicipality;
	private final Clock clock;
	private final Map<String, Window> clients = new ConcurrentHashMap<>();
	private final Map<TenantId, Window> municipalities = new ConcurrentHashMap<>();

	FeedbackThrottle(@Value("${openrathaus.privacy.feedback-per-client:5}") int perClient,
			@Value("${openrathaus.privacy.feedback-per-municipality:200}") int perMunicipality, Clock clock) {
		this.perClient = perClient;
		this.perMunicipality = perMunicipality;
		this.clock = clock;
	}

	/** Counts a report, or refuses it when this client or this municipality has sent too many lately. */
	void acquire(TenantId municipality, String client) {
		long now = clock.instant().getEpochSecond();
		long clientWindow = now / CLIENT_WINDOW.toSeconds();
		if (clients.size() > MAX_CLIENTS) {
			clients.values().removeIf(window -> window.start() < clientWindow);
		}
		Window byClient = clients.compute(municipality.value() + "/" + client,
				(key, old) -> old == null || old.start() != clientWindow ? new Window(clientWindow, 1) : new Window(clientWindow, old.count() + 1));
		if (byClient.count() > perClient) {
			throw Refusal.of("privacy.feedback.tooMany");
		}
		long municipalityWindow = now / MUNICIPALITY_WINDOW.toSeconds();
		Window byMunicipality = municipalities.compute(municipality, (key, old) -> old == null || old.start() != municipalityWindow
				? new Window(municipalityWindow, 1) : new Window(municipalityWindow, old.count() + 1));
		if (byMunicipality.count() > perMunicipality) {
			throw Refusal.of("privacy.feedback.tooMany");
		}
	}
}
