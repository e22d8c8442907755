// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.application;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import de.openrathaus.payment.PaymentRequests;
import de.openrathaus.payment.PaymentRequests.PaymentRequestView;
import de.openrathaus.payment.Payments;
import de.openrathaus.procedure.ApplicationId;
import de.openrathaus.procedure.DecisionIssued;
import de.openrathaus.procedure.DecisionOutcome;
import de.openrathaus.procedure.definition.FeeRule;
import de.openrathaus.procedure.definition.ProcedureDefinition;
import de.openrathaus.tax.Money;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Payment on decision: when a type's fee is due {@code on-decision}, an approving decision asks the
 * applicant to pay, with the fee as the form's answers make it. The payment module keeps one request
 * per decision, so a redelivered event asks nothing twice; a rejection asks for nothing.
 */
@Component
public class FeeOnDecision {

	private static final String SUBJECT = "decision:";

	private final ApplicationStore store;
	private final ApplicationService applications;
	private final PaymentRequests requests;

	FeeOnDecision(ApplicationStore store, ApplicationService applications, PaymentRequests requests) {
		this.store = store;
		this.applications = applications;
		this.requests = requests;
	}

	static String subject(ApplicationId id) {
		return SUBJECT + id;
	}

	/** The payment request of the application's decision, if its fee is due on decision and it was approved. */
	public Optional<PaymentRequestView> requestOf(ApplicationId id) {
		return requests.of(subject(id));
	}

	@ApplicationModuleListener
	void on(DecisionIssued decided) {
		if (decided.outcome() != DecisionOutcome.APPROVED) {
			return;
		}
		Application application = store.find(decided.application()).orElseThrow(ApplicationNotFound::new);
		ProcedureDefinition definition = applications.definitionOf(application);
		FeeRule fee = definition.fee();
		if (fee == null || !fee.paidOnDecision()) {
			return;
		}
		Money total = fee.calculate(application.data()).total();
		if (total.cents() == 0) {
			return; // reduced to nothing: there is nothing to ask for
		}
		String purpose = (fee.purpose() == null ? definition.referencePrefix() : fee.purpose()) + " "
				+ decided.application().toString().substring(0, 8).toUpperCase(Locale.ROOT);
		String what = definition.title().de() + ": " + fee.basis().de();
		Payments.Item item = new Payments.Item(definition.key() + "-v" + definition.version(),
				what.length() > 250 ? what.substring(0, 250) : what, 1, total, total, fee.costCentre(), fee.account());
		requests.demand(new PaymentRequests.Demand(subject(decided.application()), decided.applicant().toString(),
				decided.application().value(), decided.reference(), total, purpose, definition.title().de(), List.of(item)));
	}
}
