// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment.ledger;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import de.openrathaus.payment.PaymentFailed;
import de.openrathaus.payment.PaymentId;
import de.openrathaus.payment.PaymentSettled;
import de.openrathaus.payment.PaymentStatus;
import de.openrathaus.payment.Payments;
import de.openrathaus.payment.provider.PaymentProvider;
import de.openrathaus.payment.provider.PaymentProvider.ProviderException;
import de.openrathaus.payment.provider.PaymentProvider.Reported;
import de.openrathaus.payment.provider.Providers;
import de.openrathaus.tenancy.RequestOrigin;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.Tenants;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The payment use cases. Each step is its own short transaction: the payment is stored as
 * {@code CREATED} before the provider hears of it, and what the provider answers is stored before
 * the payer is sent anywhere. A settlement is stored by a guarded update and publishes
 * {@link PaymentSettled} in the same transaction, so it happens once however often it is learnt.
 */
@Service
class PaymentManagement implements Payments {

	private static final Logger log = LoggerFactory.getLogger(PaymentManagement.class);

	/** How long a payment may stay CREATED before it counts as abandoned: longer than any provider call may take. */
	static final Duration CREATION_GRACE = Duration.ofMinutes(5);

	private final PaymentStore store;
	private final Providers providers;
	private final Tenants tenants;
	private final TransactionTemplate tx;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	PaymentManagement(PaymentStore store, Providers providers, Tenants tenants, TransactionTemplate tx,
			ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.providers = providers;
		this.tenants = tenants;
		this.tx = tx;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public Checkout checkout(CheckoutRequest request) {
		outsideTransactions();
		PaymentProvider provider = providers.current().orElseThrow(() -> new IllegalStateException("no payment provider configured"));
		List<Payment> earlier = inTx(() -> store.ofSubject(request.subject()));
		Optional<Payment> settled = earlier.stream().filter(p -> p.status() == PaymentStatus.SETTLED).findFirst();
		if (settled.isPresent()) {
			return new AlreadyPaid(settled.get().id());
		}
		Optional<Payment> open = earlier.stream().filter(p -> p.status().isOpen()).findFirst();
		if (open.isPresent()) {
			Optional<Checkout> continued = continueOpen(open.get(), request);
			if (continued.isPresent()) {
				return continued.get();
			}
		}
		Instant now = clock.instant();
		Payment payment = new Payment(PaymentId.random(), request.subject(), request.amount(), request.purpose(),
				request.description(), request.payer(), provider.name(), null, null, request.returnTo(), PaymentStatus.CREATED, now, 0);
		try {
			inTx(() -> {
				store.create(payment, request.items(), now);
				store.history(payment.id(), "CREATED", null, PaymentStatus.CREATED, provider.name(), now);
				return null;
			});
		}
		catch (DuplicateKeyException e) {
			// another tab started a payment for the same subject a moment ago: continue that one
			return inTx(() -> store.ofSubject(request.subject())).stream().filter(p -> p.status().isOpen()).findFirst()
				.flatMap(p -> continueOpen(p, request)).orElseGet(() -> new ProviderUnavailable(payment.id()));
		}
		PaymentProvider.Created created;
		try {
			created = provider.create(new PaymentProvider.Request(payment.id(), request.amount(), request.purpose(),
					request.description(), request.items(), request.payer(), origin().resolve("/zahlung/" + payment.id() + "/rueckkehr"),
					origin().resolve("/api/v1/zahlungen/pmpayment/benachrichtigung")));
		}
		catch (ProviderException e) {
			log.warn("Payment {}: provider {} refused or unreachable ({})", payment.id(), provider.name(), e.getMessage());
			move(payment, PaymentStatus.FAILED, "creation: " + e.getMessage());
			return new ProviderUnavailable(payment.id());
		}
		Instant accepted = clock.instant();
		boolean stored = inTx(() -> {
			Payment.Move move = payment.moveTo(PaymentStatus.PENDING);
			if (!store.accepted(move, created.providerRef(), created.page().toString(), accepted,
					accepted.plus(providers.settings().pollInterval()))) {
				return false;
			}
			store.history(payment.id(), "STATUS", PaymentStatus.CREATED, PaymentStatus.PENDING, null, accepted);
			return true;
		});
		if (!stored) {
			return new ProviderUnavailable(payment.id());
		}
		log.info("Payment {} created at {} ({} cents)", payment.id(), provider.name(), request.amount().cents());
		return new RedirectToProvider(payment.id(), created.page());
	}

	/** An open payment of the same amount is continued; one of another amount (the form changed) is given up. */
	private Optional<Checkout> continueOpen(Payment open, CheckoutRequest request) {
		Payment current = open.status() == PaymentStatus.PENDING ? refreshed(open) : open;
		if (current.status() == PaymentStatus.SETTLED) {
			return Optional.of(new AlreadyPaid(current.id()));
		}
		if (current.status() == PaymentStatus.PENDING && current.amount().equals(request.amount()) && current.page() != null) {
			return Optional.of(new RedirectToProvider(current.id(), URI.create(current.page())));
		}
		if (current.status() == PaymentStatus.PENDING) {
			move(current, PaymentStatus.CANCELLED, "superseded by a payment of another amount");
		}
		else if (current.status() == PaymentStatus.CREATED) {
			if (current.createdAt().isAfter(clock.instant().minus(CREATION_GRACE))) {
				return Optional.of(new ProviderUnavailable(current.id()));
			}
			move(current, PaymentStatus.FAILED, "abandoned before the provider answered");
		}
		return Optional.empty();
	}

	@Override
	public PaymentView refresh(PaymentId id) {
		outsideTransactions();
		Payment payment = inTx(() -> store.find(id)).orElseThrow(() -> new IllegalArgumentException("no payment " + id));
		return refreshed(payment).view();
	}

	private Payment refreshed(Payment payment) {
		if (payment.status() != PaymentStatus.PENDING || payment.providerRef() == null) {
			return payment;
		}
		PaymentProvider provider = providers.current().filter(p -> p.name().equals(payment.provider()))
			.orElseThrow(() -> new IllegalStateException("payment " + payment.id() + " was made with another provider"));
		Reported reported;
		try {
			reported = provider.status(payment.providerRef(), payment.id());
		}
		catch (ProviderException e) {
			log.warn("Payment {}: status query failed ({}), asking again later", payment.id(), e.getMessage());
			inTx(() -> {
				store.pollAgain(payment.id(), nextPoll(payment));
				store.history(payment.id(), "STATUS_QUERY_FAILED", null, null, e.getMessage(), clock.instant());
				return null;
			});
			return payment;
		}
		return apply(payment, reported);
	}

	/** Stores what the provider reported, if it changes anything and adds up. */
	Payment apply(Payment payment, Reported reported) {
		PaymentStatus target = switch (reported.state()) {
			case OPEN -> PaymentStatus.PENDING;
			case PAID -> PaymentStatus.SETTLED;
			case FAILED -> PaymentStatus.FAILED;
			case CANCELLED -> PaymentStatus.CANCELLED;
		};
		if (target == PaymentStatus.PENDING) {
			inTx(() -> {
				store.pollAgain(payment.id(), nextPoll(payment));
				return null;
			});
			return payment;
		}
		if (target == PaymentStatus.SETTLED
				&& (!reported.amount().equals(payment.amount()) || !"EUR".equals(reported.currency()))) {
			log.warn("Payment {}: provider reports another amount or currency; not booked", payment.id());
			inTx(() -> {
				store.history(payment.id(), "AMOUNT_MISMATCH", payment.status(), null,
						"reported " + reported.amount().cents() + " " + reported.currency(), clock.instant());
				store.pollAgain(payment.id(), nextPoll(payment));
				return null;
			});
			return payment;
		}
		return move(payment, target, null);
	}

	/** The guarded state change with its history entry and its event, in one transaction; nothing if another got there first. */
	private Payment move(Payment payment, PaymentStatus target, @org.jspecify.annotations.Nullable String detail) {
		Payment.Move move = payment.moveTo(target);
		Instant now = clock.instant();
		boolean moved = inTx(() -> {
			if (!store.apply(move, now)) {
				return false;
			}
			store.history(payment.id(), "STATUS", move.from(), move.to(), detail, now);
			if (target == PaymentStatus.SETTLED) {
				events.publishEvent(new PaymentSettled(TenantContext.require(), payment.id(), payment.subject(), payment.amount(), now));
			}
			else if (target.isFinal() && payment.status() == PaymentStatus.PENDING) {
				events.publishEvent(new PaymentFailed(TenantContext.require(), payment.id(), payment.subject(), target, now));
			}
			return true;
		});
		if (moved) {
			log.info("Payment {}: {} -> {}", payment.id(), move.from(), move.to());
		}
		return inTx(() -> store.find(payment.id())).orElseThrow();
	}

	@Override
	public Optional<PaymentView> find(PaymentId id) {
		return inTx(() -> store.find(id)).map(Payment::view);
	}

	@Override
	public List<PaymentView> of(String subject) {
		return inTx(() -> store.ofSubject(subject)).stream().map(Payment::view).toList();
	}

	Optional<Payment> payment(PaymentId id) {
		return inTx(() -> store.find(id));
	}

	/** Backs off: the interval, doubled with every poll, at most an hour. */
	private Instant nextPoll(Payment payment) {
		Duration interval = providers.settings().pollInterval();
		Duration wait = interval.multipliedBy(1L << Math.min(payment.polls(), 7));
		return clock.instant().plus(wait.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : wait);
	}

	/** The background poll: asks about every due open payment, gives up on those nobody paid for too long. */
	void pollDue() {
		Instant now = clock.instant();
		for (PaymentId id : inTx(() -> store.stuckCreated(now.minus(CREATION_GRACE)))) {
			inTx(() -> store.find(id)).filter(p -> p.status() == PaymentStatus.CREATED)
				.ifPresent(p -> move(p, PaymentStatus.FAILED, "abandoned before the provider answered"));
		}
		for (PaymentId id : inTx(() -> store.duePolls(now, 100))) {
			Payment payment = inTx(() -> store.find(id)).orElseThrow();
			Payment after = refreshed(payment);
			if (after.status() == PaymentStatus.PENDING
					&& after.createdAt().isBefore(now.minus(providers.settings().pollGiveUpAfter()))) {
				move(after, PaymentStatus.FAILED, "not paid in time");
			}
		}
	}

	void recordNotification(@org.jspecify.annotations.Nullable PaymentId id, String kind, String detail) {
		inTx(() -> {
			store.history(id, kind, null, null, detail, clock.instant());
			return null;
		});
	}

	Optional<Payment> byProviderRef(String provider, String ref) {
		return inTx(() -> store.byProviderRef(provider, ref));
	}

	/** Where the payer's browser and the provider's notifications reach this municipality. */
	private URI origin() {
		String origin = tenants.current().configuredPublicUrl().or(RequestOrigin::current)
			.orElseThrow(() -> new IllegalStateException("no address of the portal to return to"));
		return URI.create(origin.replaceAll("/+$", "") + "/");
	}

	private <T> T inTx(java.util.function.Supplier<T> work) {
		return tx.execute(status -> work.get());
	}

	private static void outsideTransactions() {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("payments talk to the provider: call them outside a database transaction");
		}
	}
}
