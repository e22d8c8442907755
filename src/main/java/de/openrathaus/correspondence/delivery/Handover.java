// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.delivery;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What a channel says after it took a message. A temporary failure is not a handover: the channel
 * throws, and the outbox tries again later with back-off.
 */
public sealed interface Handover {

	/** Handed to the carrier (mail server, gateway, mailbox service); later confirmations come through {@link DeliveryUpdates}. */
	record Sent(@Nullable String carrierReference) implements Handover {
	}

	/** In the recipient's sphere of access already (e.g. the portal mailbox). */
	record Delivered(Instant at) implements Handover {
	}

	/**
	 * Taken into a queue of the channel's own (the letter's print batch); the channel reports
	 * {@link DeliveryUpdates#sent} when it actually went out. The outbox does not try again.
	 */
	record Accepted() implements Handover {
	}

	/** The channel can never deliver this message (no address, key revoked, recipient unknown): fall back to a letter at once. */
	record Refused(String reason) implements Handover {
	}
}
