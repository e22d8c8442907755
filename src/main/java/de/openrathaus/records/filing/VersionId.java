// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.filing;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies one immutable version of a document. In JSON and in URLs it is the plain UUID. */
public record VersionId(@JsonValue UUID value) {

	public VersionId {
		Objects.requireNonNull(value, "version id");
	}

	public static VersionId random() {
		return new VersionId(UUID.randomUUID());
	}

	/** For path variables and form fields; an unreadable text is refused as a bad request. */
	public static VersionId of(String value) {
		return new VersionId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
