// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.delivery;

import java.time.Instant;
import java.util.UUID;

import de.openrathaus.account.AccountId;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Queues an answer to a citizen, in the caller's transaction (the listener's of the event that
 * asked for it): the portal mailbox copy, made available in that same transaction, is recorded as
 * a delivered PORTAL message; when the citizen chose another channel that reaches them, a message
 * on that channel is queued beside it and the sender hands it over after commit.
 */
@Component
public class DeliveryOutbox {

	private final Deliveries deliveries;
	private final ChannelPreferences preferences;

	DeliveryOutbox(Deliveries deliveries, ChannelPreferences preferences) {
		this.deliveries = deliveries;
		this.preferences = preferences;
	}

	/**
	 * @param mailboxMessage  the portal mailbox message just made available
	 * @param carriesDecision whether the application's decision document goes with the message
	 * @return the channel the answer goes out on besides the mailbox (PORTAL: the mailbox alone)
	 */
	public ChannelKind answer(AccountId account, @Nullable UUID application, @Nullable String reference, String subject, String body,
			UUID mailboxMessage, Instant madeAvailableAt, boolean carriesDecision, @Nullable String origin) {
		deliveries.mailboxCopy(UUID.randomUUID(), account, application, reference, mailboxMessage, subject, body, carriesDecision,
				madeAvailableAt);
		ChannelPreferences.Choice choice = preferences.forAnswer(account, application);
		if (choice.used() != ChannelKind.PORTAL) {
			deliveries.queue(UUID.randomUUID(), account, application, reference, choice.used(), subject, body, carriesDecision, origin, null);
		}
		return choice.used();
	}
}
