// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment.ledger;

import java.net.URI;
import java.time.Instant;

import de.openrathaus.payment.PaymentId;
import de.openrathaus.payment.PaymentStatus;
import de.openrathaus.payment.Payments.PaymentView;
import de.openrathaus.tax.Money;

import org.jspecify.annotations.Nullable;

/** One payment as stored. Its state changes only through {@link #moveTo}, which refuses what the state machine forbids. */
record Payment(PaymentId id, String subject, Money amount, String purpose, String description, String payer,
		String provider, @Nullable String providerRef, @Nullable String page, URI returnTo, PaymentStatus status,
		Instant createdAt, int polls) {

	/** The move to {@code target}; refused when the state machine does not allow it. */
	Move moveTo(PaymentStatus target) {
		if (!status.canMoveTo(target)) {
			throw new IllegalStateException("payment " + id + ": " + status + " -> " + target + " not allowed");
		}
		return new Move(id, status, target);
	}

	PaymentView view() {
		return new PaymentView(id, subject, amount, purpose, status, provider, createdAt, returnTo);
	}

	/** A transition to store with a guarded update: it applies only while the payment is still in {@code from}. */
	record Move(PaymentId id, PaymentStatus from, PaymentStatus to) {
	}
}
