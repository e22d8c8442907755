// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account;

import java.util.Objects;
import java.util.UUID;

/** Identifies an organisation (a business) whose members act for it after an organisation-account sign-in. */
public record OrganisationId(UUID value) implements java.io.Serializable {

	public OrganisationId {
		Objects.requireNonNull(value, "organisation id");
	}

	public static OrganisationId random() {
		return new OrganisationId(UUID.randomUUID());
	}

	public static OrganisationId of(String value) {
		return new OrganisationId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
