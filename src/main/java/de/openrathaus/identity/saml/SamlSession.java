// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.identity.saml;

import java.io.Serializable;

import org.jspecify.annotations.Nullable;

/**
 * What a session needs to be ended at the identity provider too: the registration it came from and the
 * subject's NameID and session index as the provider named them. Kept in the HTTP session of a
 * federated sign-in; no personal data beyond the provider's (usually transient) NameID.
 */
public record SamlSession(String registration, String nameId, @Nullable String nameIdFormat, @Nullable String sessionIndex)
		implements Serializable {

	/** The HTTP session attribute it is kept under. */
	public static final String ATTRIBUTE = "openrathaus.identity.samlSession";
}
