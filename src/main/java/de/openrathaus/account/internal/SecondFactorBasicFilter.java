// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic carries only the password: a staff account with a second factor, or of a municipality that
 * requires one, cannot use it for the APIs (an API key is the way for software). Checked only after the
 * password proved right, so the answer tells nobody else anything. Not a servlet-container filter: added
 * to the API chain only.
 */
final class SecondFactorBasicFilter extends OncePerRequestFilter {

	private final SecondFactors factors;

	SecondFactorBasicFilter(SecondFactors factors) {
		this.factors = factors;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6) && authentication != null
				&& authentication.getPrincipal() instanceof AccountUserDetails details && details.isStaff()
				&& (factors.required() || factors.enrolled(details.user().id()))) {
			SecurityContextHolder.clearContext();
			response.setHeader("WWW-Authenticate", "Bearer realm=\"OpenRathaus\"");
			response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "a second factor is required: use an API key");
			return;
		}
		chain.doFilter(request, response);
	}
}
