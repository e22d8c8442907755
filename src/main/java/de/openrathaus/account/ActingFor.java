// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account;

import java.util.Objects;

/**
 * The organisation a signed-in person acts for in this session: set only by a sign-in with an
 * organisation account (whose identity provider vouched for the person acting for it), never by a
 * choice in the portal. What is started in such a session belongs to the organisation.
 *
 * @param organisation the organisation
 * @param name         its name as the identity provider last sent it
 */
public record ActingFor(OrganisationId organisation, String name) implements java.io.Serializable {

	public ActingFor {
		Objects.requireNonNull(organisation, "organisation");
		Objects.requireNonNull(name, "name");
	}
}
