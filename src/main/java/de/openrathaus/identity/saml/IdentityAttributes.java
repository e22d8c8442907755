// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.identity.saml;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import de.openrathaus.account.FederatedIdentity;
import de.openrathaus.identity.config.IdentitySettings;

import org.jspecify.annotations.Nullable;

/**
 * Which attribute of an assertion means what (OIDs as BundID names them in its published integrations,
 * see the ADR): the person's stable identifier is BundID's bPK2 (configurable per registration), never
 * the e-mail address; organisation accounts carry the organisation's name and identifier (X.520
 * organizationName and organizationIdentifier unless configured otherwise), the acting person is named
 * by the bPK2 attribute or else by a persistent NameID.
 */
final class IdentityAttributes {

	static final String BPK2 = "urn:oid:1.3.6.1.4.1.25484.494450.3";
	/** The handle of the citizen's BundID mailbox (Postkorb-Handle), a UUID, sent as postOfficeBox. */
	static final String MAILBOX = "urn:oid:2.5.4.18";
	static final String GIVEN_NAME = "urn:oid:2.5.4.42";
	static final String SURNAME = "urn:oid:2.5.4.4";
	static final String BIRTH_DATE = "urn:oid:1.2.40.0.10.2.1.1.55";
	static final String STREET = "urn:oid:2.5.4.16";
	static final String POSTAL_CODE = "urn:oid:2.5.4.17";
	static final String LOCALITY = "urn:oid:2.5.4.7";
	static final String COUNTRY = "urn:oid:1.2.40.0.10.2.1.1.225599";
	static final String EMAIL = "urn:oid:0.9.2342.19200300.100.1.3";
	static final String PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";

	/** The person's attributes by OID, with the names {@link FederatedIdentity.Person#levels()} uses. */
	private static final java.util.Map<String, String> PERSON_ATTRIBUTES = java.util.Map.of(GIVEN_NAME, "givenName", SURNAME, "familyName",
			BIRTH_DATE, "birthDate", STREET, "street", POSTAL_CODE, "postalCode", LOCALITY, "locality", COUNTRY, "country", EMAIL, "email");

	private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu");

	private IdentityAttributes() {
	}

	/** What we ask a citizen account for; bPK2 is required. */
	static List<SamlMessages.RequestedAttribute> requested(IdentitySettings.Registration registration, boolean organisation) {
		List<SamlMessages.RequestedAttribute> person = List.of(new SamlMessages.RequestedAttribute(registration.subjectAttribute(), !organisation),
				new SamlMessages.RequestedAttribute(GIVEN_NAME, true), new SamlMessages.RequestedAttribute(SURNAME, true),
				new SamlMessages.RequestedAttribute(BIRTH_DATE, false), new SamlMessages.RequestedAttribute(STREET, false),
				new SamlMessages.RequestedAttribute(POSTAL_CODE, false), new SamlMessages.RequestedAttribute(LOCALITY, false),
				new SamlMessages.RequestedAttribute(COUNTRY, false), new SamlMessages.RequestedAttribute(EMAIL, false),
				new SamlMessages.RequestedAttribute(MAILBOX, false),
				new SamlMessages.RequestedAttribute(ResponseValidation.LEVEL_ATTRIBUTE, false));
		if (!organisation) {
			return person;
		}
		List<SamlMessages.RequestedAttribute> all = new java.util.ArrayList<>(person);
		all.add(new SamlMessages.RequestedAttribute(registration.organisationNameAttribute(), true));
		all.add(new SamlMessages.RequestedAttribute(registration.organisationIdAttribute(), true));
		return List.copyOf(all);
	}

	static FederatedIdentity identity(ValidatedResponse response, IdentitySettings.Registration registration, boolean organisation)
			throws SamlRefusal {
		Optional<String> subject = response.attribute(registration.subjectAttribute());
		if (subject.isEmpty() && organisation && PERSISTENT.equals(response.nameIdFormat()) && response.nameId() != null
				&& !response.nameId().isBlank()) {
			subject = Optional.of(response.nameId());
		}
		if (subject.isEmpty()) {
			throw new SamlRefusal(SamlRefusal.Reason.INCOMPLETE, "no subject identifier");
		}
		FederatedIdentity.Organisation company = null;
		if (organisation) {
			Optional<String> name = response.attribute(registration.organisationNameAttribute());
			Optional<String> id = response.attribute(registration.organisationIdAttribute());
			if (name.isEmpty() || id.isEmpty()) {
				throw new SamlRefusal(SamlRefusal.Reason.INCOMPLETE, "organisation attributes missing");
			}
			company = new FederatedIdentity.Organisation(id.get(), name.get());
		}
		java.util.Map<String, de.openrathaus.account.TrustLevel> levels = new java.util.HashMap<>();
		PERSON_ATTRIBUTES.forEach((oid, name) -> response.levelOf(oid).ifPresent(level -> levels.put(name, level)));
		FederatedIdentity.Person person = new FederatedIdentity.Person(value(response, GIVEN_NAME), value(response, SURNAME),
				birthDate(value(response, BIRTH_DATE)), value(response, STREET), value(response, POSTAL_CODE), value(response, LOCALITY),
				value(response, COUNTRY), value(response, EMAIL), levels);
		return new FederatedIdentity(response.provider().entityId(), subject.get(), response.level(), person, company,
				company == null ? mailbox(value(response, MAILBOX)) : null);
	}

	/** A mailbox handle is a UUID; anything else is left out. */
	static java.util.@Nullable UUID mailbox(@Nullable String value) {
		try {
			return value == null ? null : java.util.UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static @Nullable String value(ValidatedResponse response, String name) {
		return response.attribute(name).orElse(null);
	}

	/** ISO (1964-08-12) or German (12.08.1964); anything else is left out rather than guessed. */
	static @Nullable LocalDate birthDate(@Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			return value.contains(".") ? LocalDate.parse(value, GERMAN_DATE) : LocalDate.parse(value);
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}
}
