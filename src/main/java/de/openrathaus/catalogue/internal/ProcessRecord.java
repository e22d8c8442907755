// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.catalogue.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A stored process with its typed values, review status and version. */
record ProcessRecord(ProcessId id, Map<ProcessField, Object> values, Status status, int version, Instant updatedAt, boolean demo) {

	enum Status {
		DRAFT, SUBMITTED, REVIEWED
	}

	public String key() {
		return (String) values.get(ProcessField.KEY);
	}

	public String department() {
		return (String) values.get(ProcessField.DEPARTMENT);
	}

	public String name() {
		return (String) values.get(ProcessField.NAME);
	}

	public int casesPerYear() {
		return (Integer) values.get(ProcessField.CASES_PER_YEAR);
	}

	public int integer(ProcessField field) {
		return (Integer) values.get(field);
	}

	public boolean flag(ProcessField field) {
		return Boolean.TRUE.equals(values.get(field));
	}

	public String text(ProcessField field) {
		return ProcessValues.text(field, values.get(field));
	}

	public LocalDate deadline() {
		return values.get(ProcessField.DIGITAL_DEADLINE) instanceof LocalDate date ? date : null;
	}

	@SuppressWarnings("unchecked")
	public List<String> targetGroups() {
		return (List<String>) values.get(ProcessField.TARGET_GROUPS);
	}
}
