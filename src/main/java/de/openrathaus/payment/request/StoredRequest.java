// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment.request;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import de.openrathaus.payment.PaymentRequests.PaymentRequestView;
import de.openrathaus.payment.Payments;
import de.openrathaus.tax.Money;

import org.jspecify.annotations.Nullable;

/** One payment request as stored; {@code paid} is whether a settled payment of its subject exists. */
record StoredRequest(UUID id, String subject, String payer, @Nullable UUID regarding, String reference, Money amount,
		String purpose, String description, List<Payments.Item> items, LocalDate dueOn, int reminderStage, boolean paid) {

	static final String PAY_PATH = "/zahlung/forderung/";

	String payPath() {
		return PAY_PATH + id;
	}

	/** The next reminder stage, if one is due: never for a paid request, never a stage already sent. */
	java.util.OptionalInt reminderDue(PaymentRequestSettings settings, LocalDate today) {
		int due = settings.stageDue(dueOn, today);
		return paid || due <= reminderStage ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(due);
	}

	PaymentRequestView view() {
		return new PaymentRequestView(id, subject, reference, amount, purpose, dueOn, reminderStage, paid, payPath());
	}
}
