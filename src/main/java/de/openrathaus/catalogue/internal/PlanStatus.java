// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.catalogue.internal;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a process of the measure plan stands: planned, being built, online, or deferred. Stored by
 * name; the table's check constraint names the same four. The board moves an entry freely between them.
 */
enum PlanStatus {

	PLANNED, IN_PROGRESS, ONLINE, DEFERRED;

	/** The status of this exact name; empty for anything else (a tampered form). */
	static Optional<PlanStatus> of(String name) {
		return Arrays.stream(values()).filter(status -> status.name().equals(name)).findFirst();
	}
}
