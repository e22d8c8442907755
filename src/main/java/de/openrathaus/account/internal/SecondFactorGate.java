// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import de.openrathaus.account.AccountId;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.TenantId;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * After a staff member's right password: if they have a second factor, or the municipality requires
 * one, they are not signed in yet. The session only remembers, for five minutes, that this account's
 * password was right; the next page asks for the code (or leads to enrolment first), and only a right
 * code signs in. Until then every other page treats them as not signed in. Citizens and single sign-on
 * are not affected.
 */
@Component
class SecondFactorGate implements AuthenticationSuccessHandler {

	static final String CODE_PAGE = "/anmelden/code";
	static final String ENROL_PAGE = "/anmelden/zweiter-faktor";
	static final Duration PASSWORD_VALID = Duration.ofMinutes(5);
	private static final String PENDING = SecondFactorGate.class.getName() + ".PENDING";

	private final SecondFactors factors;
	private final AccountUserDetailsService accounts;
	private final Clock clock;
	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
	private final RoleAwareSuccessHandler signedIn = new RoleAwareSuccessHandler();

	SecondFactorGate(SecondFactors factors, AccountUserDetailsService accounts, Clock clock) {
		this.factors = factors;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** A right password waiting for its code. */
	record Pending(TenantId tenant, AccountId account, String email, Instant at) implements Serializable {
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException, ServletException {
		if (!(authentication.getPrincipal() instanceof AccountUserDetails details) || !details.isStaff()
				|| authentication.getPrincipal() instanceof StaffOidcUser) {
			signedIn.onAuthenticationSuccess(request, response, authentication);
			return;
		}
		boolean enrolled = factors.enrolled(details.user().id());
		if (!enrolled && !factors.required()) {
			signedIn.onAuthenticationSuccess(request, response, authentication);
			return;
		}
		// not signed in yet: only the proof of the password is kept
		SecurityContext empty = SecurityContextHolder.createEmptyContext();
		SecurityContextHolder.setContext(empty);
		contexts.saveContext(empty, request, response);
		request.getSession().setAttribute(PENDING, new Pending(details.user().tenant(), details.user().id(), details.getUsername(), clock.instant()));
		response.sendRedirect(request.getContextPath() + (enrolled ? CODE_PAGE : ENROL_PAGE));
	}

	/** The account whose password was right in this session within the last five minutes, if any. */
	@Nullable
	Pending pending(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(PENDING) instanceof Pending pending)) {
			return null;
		}
		if (pending.at().plus(PASSWORD_VALID).isBefore(clock.instant())
				|| !java.util.Optional.of(pending.tenant()).equals(TenantContext.current())) {
			session.removeAttribute(PENDING);
			return null;
		}
		return pending;
	}

	/** The code was right: the account is signed in (with its roles as they are now), in a new session id. */
	void complete(Pending pending, HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
		request.getSession().removeAttribute(PENDING);
		AccountUserDetails details = accounts.loadById(pending.account()).filter(AccountUserDetails::isEnabled).orElse(null);
		if (details == null) {
			response.sendRedirect(request.getContextPath() + "/anmelden?fehler");
			return;
		}
		details.eraseCredentials();
		Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities());
		request.changeSessionId();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		signedIn.onAuthenticationSuccess(request, response, authentication);
	}
}
