// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import de.openrathaus.account.AccountKind;
import de.openrathaus.account.SignedInUser;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The security principal: the signed-in user plus the credentials only sign-in needs (extended by single sign-on's {@link StaffOidcUser}). */
class AccountUserDetails implements UserDetails, CredentialsContainer {

	private final SignedInUser user;
	private @Nullable String passwordHash;
	private final boolean enabled;
	private final boolean verified;

	AccountUserDetails(SignedInUser user, @Nullable String passwordHash, boolean enabled, boolean verified) {
		this.user = user;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.verified = verified;
	}

	SignedInUser user() {
		return user;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority("ROLE_" + user.kind().name()));
		user.roles().values().stream().flatMap(java.util.Set::stream).distinct()
				.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
		return authorities;
	}

	@Override
	public @Nullable String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		String email = user.email();
		return email != null ? email : user.id().toString();
	}

	/** Enabled by the administration and the e-mail address confirmed. */
	@Override
	public boolean isEnabled() {
		return enabled && verified;
	}

	/** Whether the e-mail address is confirmed; asked only after the password proved right. */
	boolean isVerified() {
		return verified;
	}

	boolean isStaff() {
		return user.kind() == AccountKind.STAFF;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public String toString() {
		return "AccountUserDetails[" + user.id() + "]";
	}
}
