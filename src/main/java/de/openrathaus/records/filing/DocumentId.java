// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.filing;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a document (Dokument) of a case, across all its versions. In JSON and in URLs it is the plain UUID. */
public record DocumentId(@JsonValue UUID value) {

	public DocumentId {
		Objects.requireNonNull(value, "document id");
	}

	public static DocumentId random() {
		return new DocumentId(UUID.randomUUID());
	}

	/** For path variables and form fields; an unreadable text is refused as a bad request. */
	public static DocumentId of(String value) {
		return new DocumentId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
