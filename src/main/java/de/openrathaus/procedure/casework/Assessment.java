// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.casework;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What an approval computes (e.g. the dog tax): an amount, if any, and the values the decision
 * template shows.
 */
record Assessment(@Nullable Long amountCents, Map<String, Object> model) {

	static final Assessment NONE = new Assessment(null, Map.of());
}
