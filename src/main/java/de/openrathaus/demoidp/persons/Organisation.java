// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.demoidp.persons;

import org.jspecify.annotations.Nullable;

/** The invented organisation whose staff sign in with the organisation account. */
public record Organisation(String name, String identifier, @Nullable String street, @Nullable String postalCode,
		@Nullable String locality, @Nullable String country) {
}
