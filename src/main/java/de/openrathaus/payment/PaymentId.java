// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment;

import java.util.UUID;

/** Identifies one payment attempt. */
public record PaymentId(UUID value) {

	public static PaymentId random() {
		return new PaymentId(UUID.randomUUID());
	}

	public static PaymentId of(String text) {
		return new PaymentId(UUID.fromString(text));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
