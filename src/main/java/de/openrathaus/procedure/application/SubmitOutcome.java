// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.application;

import java.util.List;

import de.openrathaus.procedure.definition.Violation;

/** Result of submitting: submitted now or before (with the reference), or refused with the violations. */
public sealed interface SubmitOutcome {

	record Submitted(String reference) implements SubmitOutcome {
	}

	record AlreadySubmitted(String reference) implements SubmitOutcome {
	}

	record Incomplete(List<Violation> violations) implements SubmitOutcome {
	}

	/** Complete, but its fee is paid before submission and is not paid yet: the draft stays a draft. */
	record PaymentRequired(de.openrathaus.procedure.definition.FeeRule.Calculation fee) implements SubmitOutcome {
	}
}
