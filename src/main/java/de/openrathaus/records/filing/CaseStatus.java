// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.filing;

import java.util.Arrays;
import java.util.Optional;

/** Whether a case (Vorgang) is still being worked on; closing starts its retention period. Stored by name. */
public enum CaseStatus {

	OPEN, CLOSED;

	/** The status of this exact name ({@code OPEN}, {@code CLOSED}); empty for anything else. */
	public static Optional<CaseStatus> of(String name) {
		return Arrays.stream(values()).filter(status -> status.name().equals(name)).findFirst();
	}
}
