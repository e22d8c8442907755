// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.demoidp.persons;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * An invented person the demo identity provider vouches for.
 *
 * @param key        short name in forms and tests
 * @param level      the trust level a sign-in as this person has
 * @param method     how the person "signed in"
 * @param identifier the stable pseudonymous identifier (BundID's bPK2; an organisation account's
 *                   acting-person pseudonym), the same at every sign-in
 * @param role       for an acting person of an organisation: the role in it, else null
 */
public record TestPerson(String key, Level level, Method method, String identifier, String givenName, String familyName,
		@Nullable LocalDate birthDate, @Nullable String street, @Nullable String postalCode, @Nullable String locality,
		@Nullable String country, @Nullable String email, @Nullable String role) {

	public String displayName() {
		return givenName + " " + familyName;
	}
}
