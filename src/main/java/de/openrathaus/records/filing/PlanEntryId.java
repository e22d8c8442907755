// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.filing;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Identifies an entry of the file plan (Aktenplaneintrag). People name an entry by its number
 * ({@code 32.40}), which the records manager may give out anew; files and the tree of the plan
 * refer to the entry by this id. In JSON and in URLs it is the plain UUID.
 */
public record PlanEntryId(@JsonValue UUID value) {

	public PlanEntryId {
		Objects.requireNonNull(value, "plan entry id");
	}

	public static PlanEntryId random() {
		return new PlanEntryId(UUID.randomUUID());
	}

	/** For path variables and form fields; an unreadable text is refused as a bad request. */
	public static PlanEntryId of(String value) {
		return new PlanEntryId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
