// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.filing;

import java.util.Arrays;
import java.util.Optional;

/** What happens to a case when its retention period has ended. Stored by name. */
public enum Disposal {

	/** Destroyed (vernichten), leaving a minimal record. */
	DESTROY,
	/** Offered to the archive (dem Archiv anbieten), which decides. */
	ARCHIVE;

	/** The disposal of this exact name; empty for anything else. */
	public static Optional<Disposal> of(String name) {
		return Arrays.stream(values()).filter(disposal -> disposal.name().equals(name)).findFirst();
	}
}
