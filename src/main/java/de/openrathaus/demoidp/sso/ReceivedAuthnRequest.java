// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.demoidp.sso;

import java.util.List;

import de.openrathaus.demoidp.metadata.ServiceProvider;
import de.openrathaus.demoidp.persons.Provider;
import de.openrathaus.demoidp.persons.TestPerson;

import org.jspecify.annotations.Nullable;

/**
 * A signed AuthnRequest whose signature, sender, destination, age and assertion consumer service
 * were checked.
 *
 * @param query               the query string as received (the choice form sends it back, so that
 *                            the choice is checked against the same verified request again)
 * @param assertionConsumer   where the response is posted
 * @param requestedAttributes BundID's requested attributes, or empty when the request named none
 *                            (then every attribute the person has is released)
 * @param nameIdFormat        the format the NameIDPolicy asks for, or null
 * @param serviceDisplayName  the OrganizationDisplayName of BundID's DisplayInformation, or null
 */
record ReceivedAuthnRequest(Provider provider, String id, ServiceProvider serviceProvider, String assertionConsumer,
		@Nullable String relayState, LevelRequirement levels, List<RequestedAttribute> requestedAttributes,
		@Nullable String nameIdFormat, boolean passive, @Nullable String serviceDisplayName, String query) {

	/** One {@code akdb:RequestedAttribute}. */
	record RequestedAttribute(String name, boolean required) {
	}

	/** Why a test person cannot be chosen for this request, or null when it can. */
	@Nullable String refusalFor(TestPerson person, Attributes released) {
		if (!levels.allows(person.level())) {
			return "demoidp.person.belowLevel";
		}
		for (RequestedAttribute attribute : requestedAttributes) {
			if (attribute.required() && !released.has(attribute.name())) {
				return "demoidp.person.missingAttribute";
			}
		}
		return null;
	}
}
