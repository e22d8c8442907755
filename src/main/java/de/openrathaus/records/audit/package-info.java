// SPDX-License-Identifier: EUPL-1.2
/**
 * The append-only audit trail: entries chained by keyed hashes, signed checkpoints outside the
 * database, and the offline verification (--verify-audit). Nothing here updates or deletes an entry.
 */
@NullMarked
package de.openrathaus.records.audit;

import org.jspecify.annotations.NullMarked;
