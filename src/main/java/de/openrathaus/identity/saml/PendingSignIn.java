// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.identity.saml;

import java.time.Instant;

import de.openrathaus.account.AccountId;
import de.openrathaus.account.TrustLevel;

import org.jspecify.annotations.Nullable;

/**
 * A sign-in this service provider started, kept in the database until the response arrives.
 *
 * @param requestId    the AuthnRequest's ID, which the response names in InResponseTo
 * @param registration the identity provider it was sent to ({@code bundid}, {@code unternehmenskonto})
 * @param minimum      the level asked for as minimum
 * @param target       the local path to land on afterwards
 * @param requestedBy  who was signed in when it started (step-up, linking), or null
 */
record PendingSignIn(String requestId, String registration, TrustLevel minimum, String target, @Nullable AccountId requestedBy,
		Instant expiresAt, boolean used) {
}
