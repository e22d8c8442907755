// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.catalogue.internal;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a process of the catalogue. The measure plan holds at most one entry per process and
 * names it by the same id ({@code catalogue.plan_entry.process_id}), so a plan entry is identified
 * by its process's id too. In URLs it is the plain UUID; people name a process by its key (BB-001).
 */
record ProcessId(UUID value) {

	ProcessId {
		Objects.requireNonNull(value, "process id");
	}

	static ProcessId random() {
		return new ProcessId(UUID.randomUUID());
	}

	/** For path variables: an unreadable text is refused like any malformed id. */
	public static ProcessId of(String value) {
		return new ProcessId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
