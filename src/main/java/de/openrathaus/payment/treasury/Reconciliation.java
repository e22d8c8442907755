// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment.treasury;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import de.openrathaus.payment.PaymentStatus;
import de.openrathaus.payment.provider.PaymentProvider;
import de.openrathaus.payment.provider.PaymentProvider.ProviderException;
import de.openrathaus.payment.provider.PaymentProvider.Reported;
import de.openrathaus.payment.provider.Providers;
import de.openrathaus.tax.Money;
import de.openrathaus.tenancy.MunicipalClock;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily reconciliation: each payment we booked on the day (and each started that day we did not
 * book) against what its provider reports now, grouped by provider and cost centre, with sums and
 * every difference flagged. The ledger is read in a short transaction; the providers are asked
 * afterwards, outside any transaction, a few at a time, each call bounded by the provider's connect
 * and read timeouts.
 */
@Service
@PreAuthorize("hasAuthority('payment:treasury')")
class Reconciliation {

	/** Status queries running at once: enough to finish a day of a town quickly, few enough not to flood the provider. */
	static final int PARALLEL_QUERIES = 4;

	enum Difference {
		/** We booked it and the provider reports it paid with the same amount, or neither side has money. */
		NONE,
		/** We booked it; the provider does not know the transaction. */
		MISSING_AT_PROVIDER,
		/** Both say paid, with different amounts or currency. */
		AMOUNT_DIFFERS,
		/** We booked it; the provider does not report it paid. */
		STATUS_DIFFERS,
		/** The provider reports it paid; we did not book it (e.g. paid after we gave it up). */
		PAID_NOT_BOOKED,
		/** The provider could not be asked (unreachable, timed out, or the payment went through another provider). */
		NOT_ASKED;

		public boolean flagged() {
			return this != NONE;
		}
	}

	record Line(Booked payment, PaymentProvider.@Nullable State reported, @Nullable Money reportedAmount, Difference difference) {

		public boolean booked() {
			return payment.status() == PaymentStatus.SETTLED;
		}

		public boolean reportedPaid() {
			return reported == PaymentProvider.State.PAID && reportedAmount != null;
		}
	}

	record Group(String provider, String costCentre, List<Line> lines) {

		public Money booked() {
			return lines.stream().filter(Line::booked).map(l -> l.payment().amount()).reduce(Money.ZERO, Money::plus);
		}

		public Money reported() {
			return lines.stream().filter(Line::reportedPaid).map(Line::reportedAmount).reduce(Money.ZERO, Money::plus);
		}

		public long differences() {
			return lines.stream().filter(l -> l.difference().flagged()).count();
		}
	}

	record Report(LocalDate day, List<Group> groups) {

		public Money booked() {
			return groups.stream().map(Group::booked).reduce(Money.ZERO, Money::plus);
		}

		public Money reported() {
			return groups.stream().map(Group::reported).reduce(Money.ZERO, Money::plus);
		}

		public long differences() {
			return groups.stream().mapToLong(Group::differences).sum();
		}
	}

	private final TreasuryStore store;
	private final Providers providers;
	private final TransactionTemplate tx;

	Reconciliation(TreasuryStore store, Providers providers, TransactionTemplate tx) {
		this.store = store;
		this.providers = providers;
		this.tx = tx;
	}

	Report of(LocalDate day) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("the reconciliation asks the providers: call it outside a database transaction");
		}
		Instant from = day.atStartOfDay(MunicipalClock.ZONE).toInstant();
		Instant to = day.plusDays(1).atStartOfDay(MunicipalClock.ZONE).toInstant();
		List<Booked> payments = tx.execute(status -> store.ofDay(from, to));
		Optional<PaymentProvider> provider = providers.current();
		List<Line> lines = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_QUERIES, Thread.ofVirtual().factory())) {
			List<Future<Line>> asked = payments.stream().map(p -> pool.submit(() -> line(p, provider))).toList();
			for (Future<Line> line : asked) {
				lines.add(line.get());
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("reconciliation interrupted", e);
		}
		catch (ExecutionException e) {
			throw new IllegalStateException("reconciliation failed", e.getCause());
		}
		Map<String, Group> groups = new TreeMap<>();
		for (Line line : lines) {
			Booked p = line.payment();
			groups.computeIfAbsent(p.provider() + "\u0000" + p.costCentre(), k -> new Group(p.provider(), p.costCentre(), new ArrayList<>()))
				.lines().add(line);
		}
		return new Report(day, List.copyOf(groups.values()));
	}

	private static Line line(Booked payment, Optional<PaymentProvider> current) {
		boolean booked = payment.status() == PaymentStatus.SETTLED;
		if (current.isEmpty() || !current.get().name().equals(payment.provider()) || payment.providerRef() == null) {
			return new Line(payment, null, null, Difference.NOT_ASKED);
		}
		Reported reported;
		try {
			reported = current.get().status(payment.providerRef(), payment.id());
		}
		catch (ProviderException e) {
			if (e.notFound()) {
				return new Line(payment, null, null, booked ? Difference.MISSING_AT_PROVIDER : Difference.NONE);
			}
			return new Line(payment, null, null, Difference.NOT_ASKED);
		}
		boolean paid = reported.state() == PaymentProvider.State.PAID;
		Difference difference;
		if (booked && paid) {
			difference = reported.amount().equals(payment.amount()) && "EUR".equals(reported.currency()) ? Difference.NONE
					: Difference.AMOUNT_DIFFERS;
		}
		else if (booked) {
			difference = Difference.STATUS_DIFFERS;
		}
		else {
			difference = paid ? Difference.PAID_NOT_BOOKED : Difference.NONE;
		}
		return new Line(payment, reported.state(), reported.amount(), difference);
	}
}
