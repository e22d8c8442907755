// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.delivery;

import de.openrathaus.account.AccountId;

/**
 * One way of reaching a citizen. The outbox calls {@link #deliver} outside any database
 * transaction, with the municipality bound ({@code TenantContext}), at least once per message: an
 * implementation passes {@link OutgoingMessage#id()} on as the message id or idempotency key so
 * the receiving side can drop a repeat. Every network call it makes has a timeout.
 */
public interface DeliveryChannel {

	ChannelKind kind();

	/** Whether the channel can reach this account at all (an address, key or mailbox on file); called inside transactions, so no network. */
	boolean reaches(AccountId account);

	/**
	 * Hands the message over.
	 *
	 * @throws Exception when the channel is down or answered with a temporary error: the outbox retries with back-off
	 */
	Handover deliver(OutgoingMessage message) throws Exception;
}
