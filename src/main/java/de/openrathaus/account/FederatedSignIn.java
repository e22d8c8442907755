// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

/**
 * Signs a browser in with an identity an external provider vouched for. The protocol modules
 * (the SAML service provider) call it once a response is fully validated; {@code account} finds
 * or creates the account, links it, and establishes a fresh session with the asserted level.
 */
public interface FederatedSignIn {

	/**
	 * Where a page sends a citizen to sign in with BundID at (at least) this level and come back to
	 * {@code target} (a local path, query allowed): the step-up of a procedure, the choice offered to
	 * someone not signed in. The identity module answers this path.
	 */
	static String bundIdStart(TrustLevel level, String target) {
		return "/anmelden/bundid?niveau=" + level.name() + "&ziel=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
	}

	/** Where a business person signs in with an organisation account and comes back to {@code target}. */
	static String organisationStart(String target) {
		return "/anmelden/unternehmenskonto?ziel=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
	}

	/**
	 * Establishes the session for this identity on the current request.
	 *
	 * @param identity    the validated identity
	 * @param requestedBy the account that was signed in when the sign-in was started (a step-up or
	 *                    the linking of a local account), or null when nobody was
	 * @param target      the local path the citizen should land on afterwards (already checked to be
	 *                    a relative path of this application)
	 * @return the local path to redirect the browser to (the target, or a page that asks first,
	 *         e.g. whether to link the identity to the signed-in account)
	 */
	String signIn(FederatedIdentity identity, @Nullable AccountId requestedBy, String target, HttpServletRequest request,
			HttpServletResponse response);
}
