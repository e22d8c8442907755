// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.demoidp.sso;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import de.openrathaus.demoidp.persons.Level;
import de.openrathaus.demoidp.persons.Organisation;
import de.openrathaus.demoidp.persons.TestPerson;

import org.jspecify.annotations.Nullable;

/**
 * The attributes a sign-in as a test person releases, named as BundID names them (OIDs as
 * {@code urn:oid:} URIs, attribute name format "uri"); for an organisation account the
 * organisation's name and identifier (X.520 organizationName and organizationIdentifier) too. Each
 * carries the person's level as BundID's per-attribute {@code akdb:TrustLevel}.
 */
record Attributes(List<Attribute> values) {

	static final String BPK2 = "urn:oid:1.3.6.1.4.1.25484.494450.3";
	static final String MAILBOX = "urn:oid:2.5.4.18";
	static final String GIVEN_NAME = "urn:oid:2.5.4.42";
	static final String SURNAME = "urn:oid:2.5.4.4";
	static final String BIRTH_DATE = "urn:oid:1.2.40.0.10.2.1.1.55";
	static final String STREET = "urn:oid:2.5.4.16";
	static final String POSTAL_CODE = "urn:oid:2.5.4.17";
	static final String LOCALITY = "urn:oid:2.5.4.7";
	static final String COUNTRY = "urn:oid:1.2.40.0.10.2.1.1.225599";
	static final String MAIL = "urn:oid:0.9.2342.19200300.100.1.3";
	static final String LEVEL = "urn:oid:1.2.40.0.10.2.1.1.261.94";
	static final String PROVED_BY = "urn:oid:1.3.6.1.4.1.25484.494450.2";
	static final String ORGANISATION_NAME = "urn:oid:2.5.4.10";
	static final String ORGANISATION_IDENTIFIER = "urn:oid:2.5.4.97";

	/** Released whether requested or not: they say how the sign-in happened, not who the person is. */
	static final Set<String> TECHNICAL = Set.of(LEVEL, PROVED_BY);

	record Attribute(String name, String friendlyName, String value, Level level) {
	}

	Attributes {
		values = List.copyOf(values);
	}

	static Attributes of(TestPerson person, @Nullable Organisation organisation) {
		List<Attribute> values = new ArrayList<>();
		Level level = person.level();
		if (organisation == null) {
			add(values, BPK2, "bPK2", person.identifier(), level);
			// the demo persons' BundID mailbox handle, derived from their identifier so it stays the same
			add(values, MAILBOX, "postOfficeBox",
					java.util.UUID.nameUUIDFromBytes(("postkorb:" + person.identifier()).getBytes(java.nio.charset.StandardCharsets.UTF_8))
						.toString(), level);
		}
		else {
			add(values, ORGANISATION_NAME, "organizationName", organisation.name(), level);
			add(values, ORGANISATION_IDENTIFIER, "organizationIdentifier", organisation.identifier(), level);
		}
		add(values, GIVEN_NAME, "givenName", person.givenName(), level);
		add(values, SURNAME, "surname", person.familyName(), level);
		add(values, BIRTH_DATE, "birthdate", person.birthDate() == null ? null : person.birthDate().toString(), level);
		add(values, STREET, "postalAddress", organisation == null ? person.street() : organisation.street(), level);
		add(values, POSTAL_CODE, "postalCode", organisation == null ? person.postalCode() : organisation.postalCode(), level);
		add(values, LOCALITY, "localityName", organisation == null ? person.locality() : organisation.locality(), level);
		add(values, COUNTRY, "country", organisation == null ? person.country() : organisation.country(), level);
		// the e-mail address is what the person typed in at BundID, not read from an ID document: BundID marks it lower
		add(values, MAIL, "mail", person.email(), Level.LOW);
		add(values, LEVEL, "EID-CITIZEN-QAA-LEVEL", level.storkClassRef(), level);
		add(values, PROVED_BY, "AssertionProvedBy", person.method().provedBy(), level);
		return new Attributes(values);
	}

	private static void add(List<Attribute> values, String name, String friendlyName, @Nullable String value, Level level) {
		if (value != null && !value.isBlank()) {
			values.add(new Attribute(name, friendlyName, value, level));
		}
	}

	boolean has(String name) {
		return values.stream().anyMatch(attribute -> attribute.name().equals(name));
	}

	/** Only what was requested (and the technical attributes); everything when nothing was named. */
	Attributes requestedBy(List<ReceivedAuthnRequest.RequestedAttribute> requested) {
		if (requested.isEmpty()) {
			return this;
		}
		Set<String> names = requested.stream().map(ReceivedAuthnRequest.RequestedAttribute::name).collect(Collectors.toSet());
		return new Attributes(values.stream().filter(a -> names.contains(a.name()) || TECHNICAL.contains(a.name())).toList());
	}
}
