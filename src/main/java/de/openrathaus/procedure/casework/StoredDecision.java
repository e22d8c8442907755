// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.casework;

import java.time.Instant;

import de.openrathaus.procedure.DecisionOutcome;

import org.jspecify.annotations.Nullable;

/**
 * A decision as stored, without its document.
 *
 * @param automatic issued by the system under its procedure type's rule, not by a clerk
 */
record StoredDecision(DecisionOutcome outcome, @Nullable String reason, @Nullable Long amountCents, Instant issuedAt,
		String filename, boolean automatic) {
}
