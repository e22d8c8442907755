// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.identity.saml;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.openrathaus.account.TrustLevel;

import org.jspecify.annotations.Nullable;

/**
 * What a response said, once every check passed: the sign-in it answers, the identity provider, the
 * assertion's id and expiry (for the replay check), the asserted level, the subject's NameID and the
 * attributes by name.
 */
record ValidatedResponse(PendingSignIn pending, IdentityProvider provider, String assertionId, Instant expiry, TrustLevel level,
		@Nullable String nameId, @Nullable String nameIdFormat, @Nullable String sessionIndex, Map<String, List<String>> attributes) {

	ValidatedResponse {
		attributes = Map.copyOf(attributes);
	}

	Optional<String> attribute(String name) {
		return attributes.getOrDefault(name, List.of()).stream().map(String::trim).filter(v -> !v.isEmpty()).findFirst();
	}
}
