// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.filing;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a file (Akte) of the electronic file. In JSON and in URLs it is the plain UUID. */
public record FileId(@JsonValue UUID value) {

	public FileId {
		Objects.requireNonNull(value, "file id");
	}

	public static FileId random() {
		return new FileId(UUID.randomUUID());
	}

	/** For path variables and form fields; an unreadable text is refused as a bad request. */
	public static FileId of(String value) {
		return new FileId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
