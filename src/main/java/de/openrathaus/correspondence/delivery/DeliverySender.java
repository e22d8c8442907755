// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.delivery;

import java.time.Clock;
import java.util.Optional;

import de.openrathaus.procedure.ApplicationId;
import de.openrathaus.procedure.DecisionDocuments;
import de.openrathaus.tenancy.Tenant;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.Tenants;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.springframework.context.MessageSource;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works off the outbox of every channel like the mail outbox (ADR 7): a short transaction claims
 * the next due message for one lease ({@code skip locked}, so several nodes send side by side),
 * the channel gets it outside any transaction with its own timeouts, and a second short
 * transaction records what the channel said. A channel that is down costs a growing pause per
 * message; after the last attempt, or when the channel refuses, the message falls back to a
 * letter. Delivery is at least once, always with the message's own id (ADR 29). Logs carry ids
 * and channel names only.
 */
@Component
class DeliverySender {

	private static final Logger log = LoggerFactory.getLogger(DeliverySender.class);
	/** At most this many messages per municipality and round, so one municipality's backlog cannot starve the others. */
	private static final int BATCH = 25;

	private final Deliveries deliveries;
	private final ChannelPreferences channels;
	private final DeliveryProgress progress;
	private final DecisionDocuments decisions;
	private final Tenants tenants;
	private final DeliverySettings settings;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final MessageSource messages;

	DeliverySender(Deliveries deliveries, ChannelPreferences channels, DeliveryProgress progress, DecisionDocuments decisions,
			Tenants tenants, DeliverySettings settings, TransactionTemplate transactions, Clock clock, MessageSource messages) {
		this.messages = messages;
		this.deliveries = deliveries;
		this.channels = channels;
		this.progress = progress;
		this.decisions = decisions;
		this.tenants = tenants;
		this.settings = settings;
		this.transactions = transactions;
		this.clock = clock;
	}

	@SchedulerLock(name = "correspondence.delivery", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1S")
	@Scheduled(fixedDelayString = "${openrathaus.delivery.send-interval:2s}", initialDelayString = "${openrathaus.delivery.send-interval:2s}")
	void sendDue() {
		for (Tenant tenant : tenants.all()) {
			TenantContext.runAs(tenant.id(), this::sendDueOfCurrentTenant);
		}
	}

	/** Hands over what is due for the bound municipality; returns how many messages a channel took. */
	int sendDueOfCurrentTenant() {
		int taken = 0;
		for (int i = 0; i < BATCH; i++) {
			Optional<Deliveries.Row> next = transactions.execute(s -> deliveries.claimNext(settings.lease().toSeconds()));
			if (next == null || next.isEmpty()) {
				break;
			}
			taken += handOver(next.get()) ? 1 : 0;
		}
		return taken;
	}

	private boolean handOver(Deliveries.Row row) {
		int attempts = row.attempts() + 1;
		Optional<DeliveryChannel> channel = channels.channel(row.channel());
		if (channel.isEmpty()) {
			progress.fail(row.id(), text("delivery.reason.notOffered"), attempts);
			return false;
		}
		Handover handover;
		try {
			// the decision is read inside the attempt: a content store that is down is a failed attempt like a channel that is down
			handover = channel.get().deliver(message(row));
		}
		catch (Exception e) {
			String reason = e.getClass().getSimpleName();
			if (attempts >= settings.maxAttempts()) {
				progress.fail(row.id(), text("delivery.reason.gaveUp", attempts, reason), attempts);
			}
			else {
				transactions.executeWithoutResult(s -> deliveries.retryAt(row.id(), attempts,
						clock.instant().plus(settings.pauseAfter(attempts)), reason));
			}
			log.warn("Message {} on {} not handed over (attempt {} of {}): {}", row.id(), row.channel(), attempts,
					settings.maxAttempts(), reason);
			return false;
		}
		switch (handover) {
			case Handover.Sent sent -> transactions.executeWithoutResult(s -> deliveries.sent(row.id(), clock.instant(), sent.carrierReference(), attempts));
			case Handover.Delivered delivered -> transactions.executeWithoutResult(s -> deliveries.delivered(row.id(), delivered.at(), attempts));
			case Handover.Accepted accepted -> transactions.executeWithoutResult(s -> deliveries.handedOver(row.id(), attempts));
			case Handover.Refused refused -> {
				progress.fail(row.id(), refused.reason(), attempts);
				return false;
			}
		}
		return true;
	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, java.util.Locale.GERMAN);
	}

	private OutgoingMessage message(Deliveries.Row row) {
		OutgoingMessage.Attachment document = null;
		if (row.carriesDecision() && row.application() != null) {
			document = decisions.decisionOf(new ApplicationId(row.application()))
				.map(d -> new OutgoingMessage.Attachment(d.filename(), d.mediaType(), d.content()))
				.orElseThrow(() -> new IllegalStateException("Decision document of " + row.application() + " not found"));
		}
		return new OutgoingMessage(row.id(), TenantContext.require(), row.account(), row.application(), row.reference(), row.subject(),
				row.body(), document, row.origin());
	}
}
