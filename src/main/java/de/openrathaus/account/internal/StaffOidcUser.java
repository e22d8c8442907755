// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.util.Map;

import de.openrathaus.account.SignedInUser;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A staff member signed in through the municipality's OpenID Connect provider: the same principal as
 * after a password sign-in (so every module sees the same {@link SignedInUser}), plus the ID token the
 * sign-out at the provider needs. Its name is the account id, never the e-mail address.
 */
final class StaffOidcUser extends AccountUserDetails implements OidcUser {

	private final OidcIdToken idToken;
	private final @Nullable OidcUserInfo userInfo;

	StaffOidcUser(SignedInUser user, OidcIdToken idToken, @Nullable OidcUserInfo userInfo) {
		super(user, null, true, true);
		this.idToken = idToken;
		this.userInfo = userInfo;
	}

	@Override
	public Map<String, Object> getClaims() {
		return idToken.getClaims();
	}

	@Override
	public @Nullable OidcUserInfo getUserInfo() {
		return userInfo;
	}

	@Override
	public OidcIdToken getIdToken() {
		return idToken;
	}

	@Override
	public Map<String, Object> getAttributes() {
		return idToken.getClaims();
	}

	@Override
	public String getName() {
		return user().id().toString();
	}

	@Override
	public String toString() {
		return "StaffOidcUser[" + user().id() + "]";
	}
}
