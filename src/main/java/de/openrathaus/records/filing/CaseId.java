// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.filing;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a case (Vorgang) of the electronic file. In JSON and in URLs it is the plain UUID. */
public record CaseId(@JsonValue UUID value) {

	public CaseId {
		Objects.requireNonNull(value, "case id");
	}

	public static CaseId random() {
		return new CaseId(UUID.randomUUID());
	}

	/** For path variables and form fields; an unreadable text is refused as a bad request. */
	public static CaseId of(String value) {
		return new CaseId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
