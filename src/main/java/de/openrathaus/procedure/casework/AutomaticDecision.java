// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.casework;

import de.openrathaus.procedure.ApplicationSubmitted;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.stereotype.Component;

/**
 * After a submission is committed (for a fee paid before submission: after the payment completed it),
 * procedure types that can be decided by a rule are checked once: the system approves what the rule
 * allows, everything else stays with the clerks with the reason. A repeated event changes nothing.
 */
@Component
class AutomaticDecision {

	private final CaseworkService casework;

	AutomaticDecision(CaseworkService casework) {
		this.casework = casework;
	}

	// without a transaction of its own: the decision is rendered and sealed between two short ones
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(ApplicationSubmitted submitted) {
		casework.decideAutomatically(submitted.application());
	}
}
