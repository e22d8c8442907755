// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.paymentsim.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import de.openrathaus.paymentsim.PaymentSimulator;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/** The simulator's transactions in memory (lost at restart, as a demo may) and its outage switch. */
@Component
@ConditionalOnBooleanProperty("openrathaus.paymentsim.enabled")
class Simulator implements PaymentSimulator {

	private final Map<String, SimulatedTransaction> transactions = new ConcurrentHashMap<>();
	private final AtomicInteger paid = new AtomicInteger();
	private volatile boolean down;

	@Override
	public void outage(boolean down) {
		this.down = down;
	}

	boolean down() {
		return down;
	}

	@Override
	public int paidCount() {
		return paid.get();
	}

	/** Stores the transaction unless one with its id exists (a repeated form post pays nothing twice). */
	SimulatedTransaction open(SimulatedTransaction transaction) {
		return transactions.computeIfAbsent(transaction.id(), id -> transaction);
	}

	Optional<SimulatedTransaction> find(String id) {
		return Optional.ofNullable(transactions.get(id));
	}

	/** Ends an INITIAL transaction with the payer's choice; a final one stays as it is. */
	Optional<SimulatedTransaction> finish(String id, String status) {
		SimulatedTransaction[] changed = new SimulatedTransaction[1];
		transactions.computeIfPresent(id, (key, t) -> {
			if (!"INITIAL".equals(t.status())) {
				return t;
			}
			changed[0] = t.withStatus(status);
			return changed[0];
		});
		if (changed[0] != null && "PAYED".equals(status)) {
			paid.incrementAndGet();
		}
		return Optional.ofNullable(changed[0]);
	}
}
