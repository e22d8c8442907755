// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import de.openrathaus.tax.Money;

import org.jspecify.annotations.Nullable;

/**
 * Payment requests (Zahlungsaufforderungen): a fee that falls due later, e.g. on a decision. A request
 * is only stored here; {@link PaymentRequested} tells the payer (through the correspondence module),
 * the payer pays through the same provider checkout as any payment, and reminders follow while it is
 * unpaid after the due date ({@link PaymentReminded}). Nothing here talks to a provider.
 */
public interface PaymentRequests {

	/**
	 * Asks the payer to pay, once per subject: a second call for the same subject changes nothing and
	 * answers the request made first. Joins the caller's transaction; {@link PaymentRequested} is
	 * published in it.
	 */
	PaymentRequestView demand(Demand demand);

	/** The request for the subject, with whether it is paid. */
	Optional<PaymentRequestView> of(String subject);

	/**
	 * What is demanded.
	 *
	 * @param subject what the money is for, in the requesting module's terms (e.g. {@code decision:<id>})
	 * @param payer who pays, as an account id (never a name or address)
	 * @param regarding the requesting module's id of the matter (the payer's mailbox files the request under it), if any
	 * @param reference the reference the payer knows the matter by (e.g. the application's reference number)
	 * @param purpose the purpose on the payer's statement, at most 27 characters
	 */
	record Demand(String subject, String payer, @Nullable UUID regarding, String reference, Money amount, String purpose,
			String description, List<Payments.Item> items) {

		public Demand {
			items = List.copyOf(items);
			if (amount.cents() <= 0) {
				throw new IllegalArgumentException("nothing to pay");
			}
			if (purpose.isBlank() || purpose.length() > 27) {
				throw new IllegalArgumentException("purpose must have 1-27 characters");
			}
			if (items.isEmpty() || items.size() > 99
					|| items.stream().map(Payments.Item::total).reduce(Money.ZERO, Money::plus).cents() != amount.cents()) {
				throw new IllegalArgumentException("1-99 items adding up to the amount");
			}
		}
	}

	/**
	 * A request as the payer and the clerk see it.
	 *
	 * @param reminders how many reminders were sent (the reminder stage reached)
	 * @param payPath where the payer pays it, a path on the portal
	 */
	record PaymentRequestView(UUID id, String subject, String reference, Money amount, String purpose, LocalDate dueOn,
			int reminders, boolean paid, String payPath) {

		public boolean overdue(LocalDate today) {
			return !paid && today.isAfter(dueOn);
		}
	}
}
