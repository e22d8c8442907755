// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API calls that present an API key ({@code Authorization: Bearer ort_…}) as the
 * key's staff account. An unknown or revoked key, or one whose account is disabled or no
 * longer staff, is answered with 401 at once; requests without a bearer key pass on to HTTP Basic.
 * A recognised key is remembered for a minute (see {@link ApiTokens#authenticate}).
 * Not a servlet-container filter: it is added to the API security chain only.
 */
final class ApiTokenFilter extends OncePerRequestFilter {

	private final ApiTokens tokens;
	private final AccountUserDetailsService accounts;
	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	ApiTokenFilter(ApiTokens tokens, AccountUserDetailsService accounts) {
		this.tokens = tokens;
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			chain.doFilter(request, response);
			return;
		}
		Optional<AccountUserDetails> account = tokens.authenticate(header.substring(7).strip(),
				id -> accounts.loadById(id).filter(details -> details.isStaff() && details.isEnabled()));
		if (account.isEmpty()) {
			response.setHeader("WWW-Authenticate", "Bearer realm=\"OpenRathaus\", error=\"invalid_token\"");
			response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "unknown or revoked API key");
			return;
		}
		AccountUserDetails details = account.get();
		SecurityContext context = contexts.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
		contexts.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			contexts.clearContext();
		}
	}
}
