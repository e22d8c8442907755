// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/** After sign-in: back to the page that asked for it, else the citizen portal or the back office. */
class RoleAwareSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

	@Override
	protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) {
		if (authentication.getPrincipal() instanceof AccountUserDetails details && details.isStaff()) {
			return "/backoffice";
		}
		return "/portal";
	}
}
