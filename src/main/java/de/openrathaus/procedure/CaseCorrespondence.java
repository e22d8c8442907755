// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the clerk sees in a case about the messages that went to the citizen: on which channel,
 * and how far each got (§ 4 (1) EGovG NRW; proof of delivery). The module that delivers the
 * messages implements it; the case view reads it and knows nothing else of that module.
 */
public interface CaseCorrespondence {

	List<Message> of(ApplicationId application);

	/** Those of the applications with a message that failed for good: the worklist marks them. */
	default java.util.Set<ApplicationId> withFailedMessage(java.util.Collection<ApplicationId> applications) {
		return java.util.Set.of();
	}

	/**
	 * One message on one channel.
	 *
	 * @param channel  the channel's name in German, e.g. "Postfach", "E-Mail", "Brief"
	 * @param status   queued, sent, delivered, opened or failed
	 * @param at       the time of the latest status
	 * @param reason   why it failed, or why it is still waiting after a failed attempt
	 * @param fallback whether it is the letter that replaces a failed message
	 * @param incoming whether the citizen sent it (a reply by mail filed into the case)
	 */
	record Message(String channel, String subject, Status status, Instant queuedAt, @Nullable Instant at, @Nullable String reason,
			int attempts, boolean fallback, boolean incoming) {
	}

	enum Status {
		QUEUED, SENT, DELIVERED, OPENED, FAILED
	}
}
