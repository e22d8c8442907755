// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes the channels' later news about their messages. A message that failed for good falls back
 * to a printed letter (unless it was a letter), which the clerk sees in the case view beside the
 * failed one and its reason. Each report runs in a short transaction of its own.
 */
@Component
public class DeliveryProgress implements DeliveryUpdates {

	private static final Logger log = LoggerFactory.getLogger(DeliveryProgress.class);

	private final Deliveries deliveries;
	private final TransactionTemplate transactions;
	private final Clock clock;

	DeliveryProgress(Deliveries deliveries, TransactionTemplate transactions, Clock clock) {
		this.deliveries = deliveries;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void sent(UUID message, Instant at) {
		requireMunicipality();
		transactions.executeWithoutResult(s -> deliveries.sent(message, at, null, null));
	}

	@Override
	public void delivered(UUID message, Instant at) {
		requireMunicipality();
		transactions.executeWithoutResult(s -> deliveries.delivered(message, at, null));
	}

	@Override
	public void opened(UUID message, Instant at) {
		requireMunicipality();
		transactions.executeWithoutResult(s -> deliveries.opened(message, at));
	}

	@Override
	public void failed(UUID message, String reason) {
		fail(message, reason, null);
	}

	/** Marks the message failed and queues the letter that replaces it, in one transaction. */
	void fail(UUID message, String reason, @Nullable Integer attempts) {
		requireMunicipality();
		transactions.executeWithoutResult(s -> {
			Deliveries.Row row = deliveries.find(message).orElse(null);
			if (row == null || !deliveries.failed(message, clock.instant(), reason, attempts)) {
				return;
			}
			if (row.channel() != ChannelKind.LETTER) {
				UUID letter = deliveries.queue(UUID.randomUUID(), row.account(), row.application(), row.reference(), ChannelKind.LETTER,
						row.subject(), row.body(), row.carriesDecision(), row.origin(), row.id());
				log.warn("Message {} on {} failed for good; letter {} queued instead", message, row.channel(), letter);
			}
			else {
				log.warn("Letter {} failed for good", message);
			}
		});
	}

	/** A report without a bound municipality would find no row (row level security) and be lost without a word. */
	/** What an outbox message answered: the application and its reference. */
	public record Answered(UUID message, ChannelKind channel, @Nullable UUID application, @Nullable String reference) {
	}

	/** The message with this id in the bound municipality, for news that refers to it (a confirmation, a reply). */
	public java.util.Optional<Answered> find(UUID message) {
		requireMunicipality();
		return transactions.execute(s -> deliveries.find(message))
			.map(row -> new Answered(row.id(), row.channel(), row.application(), row.reference()));
	}

	private static void requireMunicipality() {
		de.openrathaus.tenancy.TenantContext.require();
	}
}
