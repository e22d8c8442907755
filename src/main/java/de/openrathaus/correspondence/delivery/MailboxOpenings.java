// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.delivery;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

/** The portal mailbox reports here when a citizen first opens a message: the proof of access for the clerk. */
@Component
public class MailboxOpenings {

	private final Deliveries deliveries;

	MailboxOpenings(Deliveries deliveries) {
		this.deliveries = deliveries;
	}

	/** Called in the mailbox's transaction that recorded the first opening. */
	public void mailboxMessageOpened(UUID mailboxMessage, Instant at) {
		deliveries.mailboxMessageOpened(mailboxMessage, at);
	}
}
