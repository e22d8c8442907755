// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a payment stands. {@code CREATED} is stored before the provider is asked; {@code PENDING}
 * once the provider accepted it and the citizen may pay; the other three are final and never left.
 */
public enum PaymentStatus {
	CREATED, PENDING, SETTLED, FAILED, CANCELLED;

	public Set<PaymentStatus> next() {
		return switch (this) {
			case CREATED -> EnumSet.of(PENDING, FAILED);
			case PENDING -> EnumSet.of(SETTLED, FAILED, CANCELLED);
			case SETTLED, FAILED, CANCELLED -> EnumSet.noneOf(PaymentStatus.class);
		};
	}

	public boolean canMoveTo(PaymentStatus target) {
		return next().contains(target);
	}

	public boolean isFinal() {
		return next().isEmpty();
	}

	/** Still open: the citizen may be paying right now. */
	public boolean isOpen() {
		return this == CREATED || this == PENDING;
	}
}
