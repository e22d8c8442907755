// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import de.openrathaus.account.SignedInUser;
import de.openrathaus.account.StaffRole;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * After sign-in: back to the page that asked for it, else to the user's own work: the citizen
 * portal, a clerk's worklist, the records manager's disposal list, the board's prioritisation, the
 * organisation department's catalogue, the administration.
 */
class RoleAwareSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

	@Override
	protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) {
		if (!(authentication.getPrincipal() instanceof AccountUserDetails details) || !details.isStaff()) {
			return "/portal";
		}
		SignedInUser user = details.user();
		if (user.hasRole(StaffRole.CLERK)) {
			return "/backoffice";
		}
		if (user.hasRole(StaffRole.TREASURY)) {
			return "/kasse";
		}
		if (user.hasRole(StaffRole.DATA_PROTECTION_OFFICER)) {
			return "/datenschutz/verzeichnis";
		}
		if (user.hasRole(StaffRole.POST_ROOM)) {
			return "/backoffice/poststelle";
		}
		if (user.hasRole(StaffRole.COUNCIL_OFFICE)) {
			return "/ratsbuero";
		}
		if (user.hasRole(StaffRole.RECORDS_MANAGER)) {
			return "/backoffice/aussonderung";
		}
		if (user.hasRole(StaffRole.BOARD)) {
			return "/backoffice/priorisierung";
		}
		if (user.hasRole(StaffRole.REVIEWER)) {
			return "/backoffice/katalog";
		}
		return user.hasRole(StaffRole.ADMIN) ? "/admin" : "/backoffice";
	}
}
