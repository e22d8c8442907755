// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonValue;

/** Short code of a department (Fachbereich) of the municipality, e.g. {@code steuern}; in JSON the plain code. */
public record DepartmentCode(@JsonValue String value) implements java.io.Serializable {

	public DepartmentCode {
		Objects.requireNonNull(value, "department code");
		if (!value.matches("[a-z0-9-]{2,40}")) {
			throw new IllegalArgumentException("Invalid department code: " + value);
		}
	}

	@Override
	public String toString() {
		return value;
	}
}
