// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import de.openrathaus.account.DepartmentCode;
import de.openrathaus.account.StaffRole;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * After the provider's ID token was validated (signature, issuer, audience, expiry, nonce): the
 * municipality's group mapping gives the roles, the account is found by issuer and subject (created
 * on the first sign-in, never matched by e-mail) and its roles are set to exactly the mapped ones.
 * Nobody without a mapped role gets in, and no account is created for them. The calls to the provider
 * (user info) happen before the one short transaction that writes the account.
 */
final class StaffSsoSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

	/** Why a sign-in was refused: the sign-in page explains each (message keys {@code login.sso.<reason>}). */
	static final Set<String> REASONS = Set.of("noRole", "noEmail", "emailTaken", "disabled", "failed", "unavailable", "linkedElsewhere",
			"linkRefused");

	private static final Logger log = LoggerFactory.getLogger(StaffSsoSignIn.class);

	private final OidcUserService provider;
	private final StaffSsoProviders providers;
	private final StaffSsoAccounts accounts;
	private final java.time.Clock clock;

	StaffSsoSignIn(OidcUserService provider, StaffSsoProviders providers, StaffSsoAccounts accounts, java.time.Clock clock) {
		this.provider = provider;
		this.providers = providers;
		this.accounts = accounts;
		this.clock = clock;
	}

	static OAuth2AuthenticationException refused(String reason) {
		return new OAuth2AuthenticationException(new OAuth2Error(reason), reason);
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		// a link asked for before going to the provider is used up now, whatever the outcome
		StaffSsoLink link = StaffSsoLink.take(clock.instant());
		OidcUser vouched = provider.loadUser(request);
		StaffSsoSettings.Provider settings = providers.current().orElseThrow(() -> refused("failed"));
		Map<String, Object> claims = vouched.getClaims();
		List<String> groups = StaffGroupMapping.groups(claims, settings.groupsClaim());
		Map<DepartmentCode, Set<StaffRole>> roles = StaffGroupMapping.roles(groups, settings.groups());
		if (roles.isEmpty()) {
			log.info("Staff single sign-on refused: none of the {} groups sent is mapped to a role", groups.size());
			throw refused("noRole");
		}
		String issuer = vouched.getIdToken().getIssuer().toString();
		StaffSsoAccounts.Person person = new StaffSsoAccounts.Person(email(claims), displayName(claims));
		de.openrathaus.account.AccountId linkTo = link != null && link.tenant().equals(de.openrathaus.tenancy.TenantContext.require())
				? link.account() : null;
		return new StaffOidcUser(accounts.signIn(issuer, vouched.getSubject(), person, roles, linkTo), vouched.getIdToken(),
				vouched.getUserInfo());
	}

	/** The address the provider vouches for: {@code email}, else an address-like {@code preferred_username} or {@code upn} (Entra ID, ADFS). */
	private static @Nullable String email(Map<String, Object> claims) {
		for (String claim : List.of("email", "preferred_username", "upn")) {
			if (claims.get(claim) instanceof String value && value.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
				return AccountUserDetailsService.normaliseEmail(value);
			}
		}
		return null;
	}

	private static @Nullable String displayName(Map<String, Object> claims) {
		if (claims.get("name") instanceof String name && !name.isBlank()) {
			return name.strip();
		}
		if (claims.get("given_name") instanceof String given && claims.get("family_name") instanceof String family) {
			return (given + " " + family).strip();
		}
		return null;
	}
}
