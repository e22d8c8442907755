// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.tenancy;

import java.util.Objects;
import java.util.UUID;

/** Identifies a municipality (tenant) served by this deployment. */
public record TenantId(UUID value) implements java.io.Serializable {

	public TenantId {
		Objects.requireNonNull(value, "tenant id");
	}

	public static TenantId of(String value) {
		return new TenantId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
