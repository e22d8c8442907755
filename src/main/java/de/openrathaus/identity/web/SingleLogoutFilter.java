// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.identity.web;

import java.io.IOException;

import de.openrathaus.identity.saml.SamlSession;
import de.openrathaus.identity.saml.ServiceProvider;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpSession;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signing out ({@code POST /abmelden}) of a session that BundID or an organisation account signed in
 * ends it at the identity provider too: account's sign-out runs unchanged (CSRF check, session ended),
 * and only when it succeeded, its redirect to the start page is replaced by the identity provider's
 * logout with our signed LogoutRequest; the provider sends the browser back to {@code /saml/slo}, which
 * lands on the start page. Runs before the security filters, which end the session it reads.
 */
@Component
@Order(-101)
class SingleLogoutFilter extends OncePerRequestFilter {

	static final String SIGN_OUT = "/abmelden";
	static final String SIGNED_OUT = "/?abgemeldet";

	private final ServiceProvider serviceProvider;

	SingleLogoutFilter(ServiceProvider serviceProvider) {
		this.serviceProvider = serviceProvider;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !(request.getContextPath() + SIGN_OUT).equals(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		Object federated = session == null ? null : session.getAttribute(SamlSession.ATTRIBUTE);
		if (!(federated instanceof SamlSession saml)) {
			chain.doFilter(request, response);
			return;
		}
		chain.doFilter(request, new HttpServletResponseWrapper(response) {
			@Override
			public void sendRedirect(String location) throws IOException {
				boolean signedOut = location.endsWith(SIGNED_OUT);
				super.sendRedirect(signedOut ? serviceProvider.logoutAtProvider(saml).orElse(location) : location);
			}
		});
	}
}
