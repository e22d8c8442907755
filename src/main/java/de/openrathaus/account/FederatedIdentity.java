// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account;

import java.time.LocalDate;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An identity an external identity provider vouched for (BundID, an organisation account), after
 * its response was fully validated. The account is found by {@code issuer} and {@code subject}
 * (BundID's bPK2, an organisation account's acting person), never by e-mail alone.
 *
 * @param issuer       entity id of the identity provider that asserted it
 * @param subject      the provider's stable pseudonymous identifier of the person
 * @param trustLevel   the level the provider asserted for this sign-in (holds for the session only)
 * @param person       what the provider says about the person
 * @param organisation the organisation the person acts for, or null for a citizen
 */
public record FederatedIdentity(String issuer, String subject, TrustLevel trustLevel, Person person,
		@Nullable Organisation organisation) {

	public FederatedIdentity {
		Objects.requireNonNull(issuer, "issuer");
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(trustLevel, "trustLevel");
		Objects.requireNonNull(person, "person");
		if (issuer.isBlank() || subject.isBlank()) {
			throw new IllegalArgumentException("issuer and subject must not be blank");
		}
	}

	/** The attributes of the person; any may be missing (null) when the provider did not send it. */
	public record Person(@Nullable String givenName, @Nullable String familyName, @Nullable LocalDate birthDate,
			@Nullable String street, @Nullable String postalCode, @Nullable String locality, @Nullable String country,
			@Nullable String email) {
	}

	/**
	 * An organisation (a business signing in with an organisation account).
	 *
	 * @param identifier the provider's stable identifier of the organisation
	 * @param name       its name
	 */
	public record Organisation(String identifier, String name) {

		public Organisation {
			Objects.requireNonNull(identifier, "identifier");
			Objects.requireNonNull(name, "name");
		}
	}
}
