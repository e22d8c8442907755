// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.application;

import java.util.List;
import java.util.Map;

import de.openrathaus.procedure.definition.Violation;

/**
 * What saving a step did: either it was stored, or nothing was stored and the violations say why.
 *
 * @param values the normalised answers of the step, to show again
 */
public record StepOutcome(List<Violation> violations, Map<String, String> values) {

	public StepOutcome {
		violations = List.copyOf(violations);
		values = Map.copyOf(values);
	}

	public boolean stored() {
		return violations.isEmpty();
	}
}
