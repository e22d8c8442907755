// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure;

import java.util.Objects;
import java.util.UUID;

/** Identifies a citizen's application (Antrag), from draft to decision. */
public record ApplicationId(UUID value) {

	public ApplicationId {
		Objects.requireNonNull(value, "application id");
	}

	public static ApplicationId random() {
		return new ApplicationId(UUID.randomUUID());
	}

	public static ApplicationId of(String value) {
		return new ApplicationId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
