// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment.treasury;

import java.time.Instant;
import java.util.List;

import de.openrathaus.payment.PaymentId;
import de.openrathaus.payment.PaymentStatus;
import de.openrathaus.payment.Payments.Item;
import de.openrathaus.tax.Money;

import org.jspecify.annotations.Nullable;

/** A payment as the treasury reads it: our state and amount, the provider's reference, the booking items. */
record Booked(PaymentId id, String provider, @Nullable String providerRef, Money amount, PaymentStatus status, String purpose,
		Instant createdAt, @Nullable Instant settledAt, List<Item> items) {

	/** The cost centre the payment is reconciled under: its first item's (the procedures book one item per payment). */
	public String costCentre() {
		return items.isEmpty() ? "" : items.getFirst().costCentre();
	}

	public String account() {
		return items.isEmpty() ? "" : items.getFirst().account();
	}
}
