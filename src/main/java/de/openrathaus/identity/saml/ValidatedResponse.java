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
 * assertion's id and expiry (for the replay check), the asserted level, the subject's NameID, the
 * attributes by name and, where BundID marks them ({@code akdb:TrustLevel}), each attribute's own level.
 */
record ValidatedResponse(PendingSignIn pending, IdentityProvider provider, String assertionId, Instant expiry, TrustLevel level,
		@Nullable String nameId, @Nullable String nameIdFormat, @Nullable String sessionIndex, Map<String, List<String>> attributes,
		Map<String, TrustLevel> attributeLevels) {

	ValidatedResponse {
		attributes = Map.copyOf(attributes);
		attributeLevels = Map.copyOf(attributeLevels);
	}

	/** The attribute's own level, never above the sign-in's: an attribute cannot be proven better than the sign-in that carried it. */
	Optional<TrustLevel> levelOf(String name) {
		return Optional.ofNullable(attributeLevels.get(name)).map(own -> own.compareTo(level) <= 0 ? own : level);
	}

	Optional<String> attribute(String name) {
		return attributes.getOrDefault(name, List.of()).stream().map(String::trim).filter(v -> !v.isEmpty()).findFirst();
	}
}
