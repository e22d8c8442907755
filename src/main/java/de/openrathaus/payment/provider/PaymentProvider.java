// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment.provider;

import java.net.URI;
import java.util.List;

import de.openrathaus.payment.PaymentId;
import de.openrathaus.payment.Payments.Item;
import de.openrathaus.tax.Money;

/** One payment provider protocol, configured for one municipality. */
public interface PaymentProvider {

	/** The protocol's name as stored with each payment, e.g. {@code xbezahldienste}. */
	String name();

	/**
	 * Creates the payment at the provider (or prepares the signed hand-over where the payer's browser
	 * creates it) and answers the provider's reference and the page to send the payer to.
	 *
	 * @throws ProviderException when the provider cannot be reached or refuses
	 */
	Created create(Request request);

	/**
	 * Where the payment stands at the provider.
	 *
	 * @throws ProviderException when the provider cannot be reached or answers nonsense
	 */
	Reported status(String providerRef, PaymentId id);

	record Request(PaymentId id, Money amount, String purpose, String description, List<Item> items, String payer,
			URI returnTo, URI notifyTo) {
	}

	record Created(String providerRef, URI page) {
	}

	/** The provider's answer: its state in our terms and the amount it says was paid. */
	record Reported(State state, Money amount, String currency) {
	}

	enum State {
		OPEN, PAID, FAILED, CANCELLED
	}

	/** The provider cannot be reached, timed out or answered something we do not accept. Nothing is changed. */
	final class ProviderException extends RuntimeException {

		/** The HTTP status the provider answered, 0 when it answered none (unreachable, timed out, nonsense). */
		private final int httpStatus;

		public ProviderException(String message) {
			this(message, 0);
		}

		public ProviderException(String message, int httpStatus) {
			super(message);
			this.httpStatus = httpStatus;
		}

		public ProviderException(String message, Throwable cause) {
			super(message, cause);
			this.httpStatus = 0;
		}

		/** The provider answered that it does not know the transaction (HTTP 404), as opposed to not answering. */
		public boolean notFound() {
			return httpStatus == 404;
		}
	}
}
