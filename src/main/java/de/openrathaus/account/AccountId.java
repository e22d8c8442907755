// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account;

import java.util.Objects;
import java.util.UUID;

/** Identifies a service or staff account. */
public record AccountId(UUID value) implements java.io.Serializable {

	public AccountId {
		Objects.requireNonNull(value, "account id");
	}

	public static AccountId random() {
		return new AccountId(UUID.randomUUID());
	}

	public static AccountId of(String value) {
		return new AccountId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
