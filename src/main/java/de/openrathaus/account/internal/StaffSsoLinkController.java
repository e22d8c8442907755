// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.time.Clock;

import de.openrathaus.account.SignedInUser;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A staff member with a password account links it to their identity at the municipality's single
 * sign-on provider instead of being refused for the address both share: signed in with the password
 * (and the second factor, where required), they ask for it here (a form with CSRF token) and sign in
 * at the provider; its return links the identity to this very account ({@link StaffSsoAccounts}).
 * From then on the account signs in only through the provider: its password is given up, so that a
 * leaver is locked out in one place.
 */
@Controller
@PreAuthorize("hasAuthority('backoffice:use')")
class StaffSsoLinkController {

	static final String PAGE = "/konto/dienst-sso";

	private final StaffSsoProviders providers;
	private final StaffSsoAccounts accounts;
	private final Clock clock;

	StaffSsoLinkController(StaffSsoProviders providers, StaffSsoAccounts accounts, Clock clock) {
		this.providers = providers;
		this.accounts = accounts;
		this.clock = clock;
	}

	@GetMapping(PAGE)
	String page(@AuthenticationPrincipal AccountUserDetails principal, Model model) {
		SignedInUser user = staff(principal);
		model.addAttribute("linked", principal instanceof StaffOidcUser || accounts.linked(user.id()));
		model.addAttribute("available", providers.current().isPresent());
		return "account/staff-sso-link";
	}

	@PostMapping(PAGE)
	String link(@AuthenticationPrincipal AccountUserDetails principal, HttpSession session) {
		SignedInUser user = staff(principal);
		if (principal instanceof StaffOidcUser || accounts.linked(user.id())) {
			return "redirect:" + PAGE;
		}
		if (providers.findByRegistrationId(StaffSsoProviders.REGISTRATION_ID) == null) {
			return "redirect:/anmelden?sso=unavailable";
		}
		session.setAttribute(StaffSsoLink.ATTRIBUTE, new StaffSsoLink(user.id(), user.tenant(), clock.instant().plus(StaffSsoLink.LIFETIME)));
		return "redirect:/oauth2/authorization/" + StaffSsoProviders.REGISTRATION_ID;
	}

	/** Staff only: the back office authority is what every staff account has and no citizen's. */
	private static SignedInUser staff(AccountUserDetails principal) {
		return principal.user();
	}
}
