// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.casework;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What an approval computes (e.g. the dog tax, the parking permit's zone and validity): an amount, if
 * any, the values the decision template shows, and what stands in the way of approving, if anything
 * (a message key; e.g. a parking permit for an address in no zone).
 */
record Assessment(@Nullable Long amountCents, Map<String, Object> model, @Nullable String obstacle) {

	static final Assessment NONE = new Assessment(null, Map.of());

	Assessment(@Nullable Long amountCents, Map<String, Object> model) {
		this(amountCents, model, null);
	}
}
