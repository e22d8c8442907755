// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.application;

import java.net.URI;
import java.util.List;

import de.openrathaus.account.SignedInUser;
import de.openrathaus.payment.PaymentSettled;
import de.openrathaus.payment.Payments;
import de.openrathaus.payment.Payments.Checkout;
import de.openrathaus.payment.Payments.CheckoutRequest;
import de.openrathaus.procedure.ApplicationId;
import de.openrathaus.procedure.definition.FeeRule;
import de.openrathaus.procedure.definition.ProcedureDefinition;
import de.openrathaus.tax.Money;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Payment before submission: the submit step starts (or continues) the payment of the fee as the
 * form's answers make it, and the payment module's {@link PaymentSettled} completes the submission,
 * once, whether the payer comes back or the background poll learns it. Never inside a transaction:
 * the payment module talks to the provider.
 */
@Component
class FeeCheckout {

	private static final String SUBJECT = "application:";

	private final ApplicationService applications;
	private final Payments payments;

	FeeCheckout(ApplicationService applications, Payments payments) {
		this.applications = applications;
		this.payments = payments;
	}

	static String subject(ApplicationId id) {
		return SUBJECT + id;
	}

	/** Starts or continues the payment of the draft's fee and answers where the citizen goes next. */
	Checkout begin(SignedInUser citizen, ApplicationId id) {
		Application application = applications.owned(citizen, id);
		ProcedureDefinition definition = applications.definitionOf(application);
		FeeRule fee = definition.fee();
		if (fee == null || !fee.paidBeforeSubmission() || application.status() != ApplicationStatus.DRAFT) {
			throw new IllegalStateException("no fee to pay before submission for " + id);
		}
		FeeRule.Calculation calculation = fee.calculate(application.data());
		Money total = calculation.total();
		String purpose = (fee.purpose() == null ? definition.referencePrefix() : fee.purpose()) + " "
				+ id.toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
		String what = definition.title().de() + ": " + fee.basis().de();
		Payments.Item item = new Payments.Item(definition.key() + "-v" + definition.version(),
				what.length() > 250 ? what.substring(0, 250) : what, 1, total, total, fee.costCentre(), fee.account());
		return payments.checkout(new CheckoutRequest(subject(id), total, purpose, definition.title().de(), List.of(item),
				citizen.id().toString(), URI.create("/portal/antraege/" + id + "/zahlung")));
	}

	/** The application's payments, newest first. */
	List<Payments.PaymentView> payments(ApplicationId id) {
		return payments.of(subject(id));
	}

	@ApplicationModuleListener
	void on(PaymentSettled settled) {
		if (settled.subject().startsWith(SUBJECT)) {
			applications.submitPaid(ApplicationId.of(settled.subject().substring(SUBJECT.length())));
		}
	}
}
