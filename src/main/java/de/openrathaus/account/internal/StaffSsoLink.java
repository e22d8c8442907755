// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

import de.openrathaus.account.AccountId;
import de.openrathaus.tenancy.TenantId;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A staff member signed in with their password has asked to link their account to their identity at
 * the municipality's single sign-on provider: kept in the HTTP session for the round trip to the
 * provider (five minutes), taken out once at its return. Only the account id: the password was
 * proved by the sign-in that made this session, the provider's identity is proved by its ID token.
 */
record StaffSsoLink(AccountId account, TenantId tenant, Instant expiresAt) implements Serializable {

	static final String ATTRIBUTE = "openrathaus.account.staffSsoLink";
	static final Duration LIFETIME = Duration.ofMinutes(5);

	/** The link asked for in the current request's session, removed from it; null if none or expired. */
	static @Nullable StaffSsoLink take(Instant now) {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return null;
		}
		HttpServletRequest request = attributes.getRequest();
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof StaffSsoLink link)) {
			return null;
		}
		session.removeAttribute(ATTRIBUTE);
		return link.expiresAt().isAfter(now) ? link : null;
	}
}
