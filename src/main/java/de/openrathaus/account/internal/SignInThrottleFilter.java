// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses sign-in attempts that {@link SignInThrottle} holds back, before the password is looked at:
 * the sign-in form gets a neutral page (the same for every address, registered or not), HTTP Basic
 * calls get 429. Not a servlet-container filter: added to the security chains only.
 */
final class SignInThrottleFilter extends OncePerRequestFilter {

	static final String THROTTLED_PAGE = "/anmelden?warten";

	private final SignInThrottle throttle;

	SignInThrottleFilter(SignInThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean form = "POST".equals(request.getMethod()) && (request.getContextPath() + "/anmelden").equals(request.getRequestURI());
		String email = form ? request.getParameter("email") : basicUser(request.getHeader("Authorization"));
		if (email != null && !email.isBlank() && throttle.refuses(email, request.getRemoteAddr())) {
			if (form) {
				response.sendRedirect(request.getContextPath() + THROTTLED_PAGE);
			}
			else {
				response.setHeader("Retry-After", "60");
				response.sendError(429, "too many failed sign-ins");
			}
			return;
		}
		chain.doFilter(request, response);
	}

	private static @Nullable String basicUser(@Nullable String header) {
		if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return colon < 0 ? null : decoded.substring(0, colon);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
