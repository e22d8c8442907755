// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.paymentsim.internal;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * One transaction the simulator took. {@code status} uses XBezahldienste's words (INITIAL, PAYED,
 * FAILED, CANCELED); pmPayment's numbers are derived from it.
 *
 * @param request the XBezahldienste request as received (echoed in the status), null for pmPayment
 */
record SimulatedTransaction(String id, String protocol, String reference, long amountCents, String currency, String purpose,
		URI redirect, @Nullable URI notifyTo, String originator, @Nullable Object request, String status) {

	SimulatedTransaction withStatus(String next) {
		return new SimulatedTransaction(id, protocol, reference, amountCents, currency, purpose, redirect, notifyTo, originator, request,
				next);
	}

	String pmStatus() {
		return switch (status) {
			case "PAYED" -> "1";
			case "FAILED" -> "-1";
			case "CANCELED" -> "-2";
			default -> "0";
		};
	}
}
