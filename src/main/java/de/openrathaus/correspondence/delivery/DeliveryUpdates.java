// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * Later news about a message a channel handed over, keyed by {@link OutgoingMessage#id()}: a
 * delivery receipt, the first opening, the print batch that took a letter, a bounce. Each update
 * is idempotent and never moves a status backwards.
 */
public interface DeliveryUpdates {

	/** Went out (e.g. the post room downloaded the print batch holding the letter). */
	void sent(UUID message, Instant at);

	/** Reached the recipient's sphere of access (a De-Mail delivery confirmation, a mailbox receipt). */
	void delivered(UUID message, Instant at);

	/** The recipient first opened it. */
	void opened(UUID message, Instant at);

	/** Failed for good (a bounce, a refusal by the gateway): the outbox falls back to a letter and tells the clerk. */
	void failed(UUID message, String reason);
}
