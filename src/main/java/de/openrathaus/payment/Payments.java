// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import de.openrathaus.tax.Money;

/**
 * Payments of the current municipality through its configured provider. None of these methods
 * may be called inside a database transaction: they talk to the provider.
 */
public interface Payments {

	/**
	 * Starts a payment for the subject, or continues the open one of the same amount, and answers
	 * where to send the payer. A subject that is already paid is not asked to pay again.
	 */
	Checkout checkout(CheckoutRequest request);

	/** Asks the provider where the payment stands, stores what changed and answers the state now. */
	PaymentView refresh(PaymentId id);

	Optional<PaymentView> find(PaymentId id);

	/** The subject's payments, newest first. */
	List<PaymentView> of(String subject);

	/**
	 * What is to be paid.
	 *
	 * @param subject what the money is for, in the requesting module's terms (e.g. {@code application:<id>})
	 * @param purpose the purpose shown on the payer's statement, at most 27 characters
	 * @param description longer text the payment page shows
	 * @param payer who pays, as an account id (never a name or address)
	 * @param returnTo where the payer comes back to after paying (our own page)
	 */
	record CheckoutRequest(String subject, Money amount, String purpose, String description, List<Item> items,
			String payer, URI returnTo) {

		public CheckoutRequest {
			items = List.copyOf(items);
			if (amount.cents() <= 0) {
				throw new IllegalArgumentException("nothing to pay");
			}
			if (purpose.isBlank() || purpose.length() > 27) {
				throw new IllegalArgumentException("purpose must have 1-27 characters");
			}
			if (items.isEmpty() || items.size() > 99) {
				throw new IllegalArgumentException("1-99 items");
			}
			if (items.stream().map(Item::total).reduce(Money.ZERO, Money::plus).cents() != amount.cents()) {
				throw new IllegalArgumentException("items do not add up to the amount");
			}
		}
	}

	/**
	 * One booked position: its total and the municipality's booking data (cost centre, account).
	 */
	record Item(String reference, String description, int quantity, Money unitPrice, Money total, String costCentre,
			String account) {
	}

	/** Where to send the payer: the provider's page, or nowhere because the subject is paid already. */
	sealed interface Checkout {
		PaymentId payment();
	}

	record RedirectToProvider(PaymentId payment, URI page) implements Checkout {
	}

	record AlreadyPaid(PaymentId payment) implements Checkout {
	}

	/** The provider could not be reached or refused the payment; nothing was booked, the payer may try again. */
	record ProviderUnavailable(PaymentId payment) implements Checkout {
	}

	record PaymentView(PaymentId id, String subject, Money amount, String purpose, PaymentStatus status, String provider,
			Instant createdAt, URI returnTo) {
	}
}
