// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
 * @param mailbox      the handle of the person's BundID mailbox (Zentrales Bürgerpostfach, "Postkorb-Handle"), when
 *                     the provider sent one
 */
public record FederatedIdentity(String issuer, String subject, TrustLevel trustLevel, Person person,
		@Nullable Organisation organisation, java.util.@Nullable UUID mailbox) implements java.io.Serializable {

	/** An identity without a mailbox handle. */
	public FederatedIdentity(String issuer, String subject, TrustLevel trustLevel, Person person, @Nullable Organisation organisation) {
		this(issuer, subject, trustLevel, person, organisation, null);
	}

	public FederatedIdentity {
		Objects.requireNonNull(issuer, "issuer");
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(trustLevel, "trustLevel");
		Objects.requireNonNull(person, "person");
		if (issuer.isBlank() || subject.isBlank()) {
			throw new IllegalArgumentException("issuer and subject must not be blank");
		}
	}

	/**
	 * The attributes of the person; any may be missing (null) when the provider did not send it.
	 *
	 * @param levels the level each attribute is proven at, by its name ({@code givenName}, {@code familyName},
	 *               {@code birthDate}, {@code street}, {@code postalCode}, {@code locality}, {@code country},
	 *               {@code email}), where the provider says so per attribute: BundID marks attributes read from
	 *               the eID (HOCH) apart from ones the citizen entered (e.g. an e-mail at NORMAL). An attribute
	 *               without an entry is proven at the sign-in's level.
	 */
	public record Person(@Nullable String givenName, @Nullable String familyName, @Nullable LocalDate birthDate,
			@Nullable String street, @Nullable String postalCode, @Nullable String locality, @Nullable String country,
			@Nullable String email, Map<String, TrustLevel> levels) implements java.io.Serializable {

		public Person {
			levels = levels == null ? Map.of() : Map.copyOf(levels);
		}

		/** A person whose attributes are all proven at the sign-in's level. */
		public Person(@Nullable String givenName, @Nullable String familyName, @Nullable LocalDate birthDate, @Nullable String street,
				@Nullable String postalCode, @Nullable String locality, @Nullable String country, @Nullable String email) {
			this(givenName, familyName, birthDate, street, postalCode, locality, country, email, Map.of());
		}

		/** The level this attribute is proven at, if the provider said so for it. */
		public Optional<TrustLevel> levelOf(String attribute) {
			return Optional.ofNullable(levels.get(attribute));
		}
	}

	/**
	 * An organisation (a business signing in with an organisation account).
	 *
	 * @param identifier the provider's stable identifier of the organisation
	 * @param name       its name
	 */
	public record Organisation(String identifier, String name) implements java.io.Serializable {

		public Organisation {
			Objects.requireNonNull(identifier, "identifier");
			Objects.requireNonNull(name, "name");
		}
	}
}
