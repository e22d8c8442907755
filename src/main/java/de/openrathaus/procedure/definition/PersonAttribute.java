// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.definition;

import java.util.Arrays;
import java.util.Optional;

import de.openrathaus.account.FederatedIdentity;
import de.openrathaus.account.TrustLevel;

import org.jspecify.annotations.Nullable;

/**
 * An attribute an identity provider vouches for that a form field may take its value from
 * ({@code source: bundid.givenName} in a procedure definition). The value comes from the session's
 * federated sign-in; a definition naming an unknown source does not load.
 */
public enum PersonAttribute {

	GIVEN_NAME("bundid.givenName"), FAMILY_NAME("bundid.familyName"), BIRTH_DATE("bundid.birthDate"),
	STREET("bundid.street"), POSTAL_CODE("bundid.postalCode"), LOCALITY("bundid.locality"), EMAIL("bundid.email");

	private final String source;

	PersonAttribute(String source) {
		this.source = source;
	}

	public String source() {
		return source;
	}

	public static PersonAttribute ofSource(String source) {
		return Arrays.stream(values()).filter(a -> a.source.equals(source)).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown field source " + source));
	}

	/** The name {@link FederatedIdentity.Person#levels()} knows this attribute by. */
	public String personName() {
		return source.substring("bundid.".length());
	}

	/**
	 * The level this attribute is proven at in the session: its own level where the provider named one, else the
	 * sign-in's level.
	 */
	public TrustLevel levelIn(FederatedIdentity.@Nullable Person person, TrustLevel signInLevel) {
		return person == null ? signInLevel : person.levelOf(personName()).orElse(signInLevel);
	}

	/** The attribute's value in its stored form (dates ISO), if the provider sent it. */
	public Optional<String> valueIn(FederatedIdentity.@Nullable Person person) {
		if (person == null) {
			return Optional.empty();
		}
		String value = switch (this) {
			case GIVEN_NAME -> person.givenName();
			case FAMILY_NAME -> person.familyName();
			case BIRTH_DATE -> person.birthDate() == null ? null : person.birthDate().toString();
			case STREET -> person.street();
			case POSTAL_CODE -> person.postalCode();
			case LOCALITY -> person.locality();
			case EMAIL -> person.email();
		};
		return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
	}
}
