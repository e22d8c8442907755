// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.privacy.erasure;

import java.util.List;
import java.util.Map;

import de.openrathaus.account.Authorities;
import de.openrathaus.account.SignedInUser;
import de.openrathaus.account.WebAccess;
import de.openrathaus.personaldata.PersonalDataUse;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The citizen erases their own account (Art. 17 GDPR): the page shows what would be removed, what the
 * city must keep and why, and what stands in the way (an application still being worked, a payment still
 * open). Confirmed by a tick and a POST with CSRF token, the erasure is carried out, the person is signed
 * out everywhere and sees what was kept. Nothing changes while anything stands in the way.
 */
@Controller
@PreAuthorize("hasAuthority('portal:use')")
class OwnErasureController {

	static final String PAGE = "/portal/konto/loeschen";

	private final Erasures erasures;
	private final ErasureView view;

	OwnErasureController(Erasures erasures, ErasureView view) {
		this.erasures = erasures;
		this.view = view;
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnErasureWebSecurity {

		@Bean
		WebAccess ownErasureWebAccess() {
			return new WebAccess(List.of(), Map.of(PAGE, Authorities.PORTAL, PAGE + "/**", Authorities.PORTAL));
		}
	}

	@GetMapping(PAGE)
	String page(SignedInUser citizen, Model model) {
		return show(erasures.preview(citizen.id().value()), model);
	}

	@PostMapping(PAGE)
	String erase(@RequestParam(name = "confirmed", required = false) @Nullable String confirmed, SignedInUser citizen, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		if (confirmed == null) {
			model.addAttribute("unconfirmed", true);
			return page(citizen, model);
		}
		Erasures.Outcome outcome = erasures.carryOut(citizen.id().value(), citizen.id().value(), PersonalDataUse.citizen(citizen.id().value()),
				ErasureRequests.Channel.PORTAL, request.getRemoteAddr());
		if (!outcome.carriedOut()) {
			model.addAttribute("changed", true);
			return show(outcome, model);
		}
		// the account's stored sessions are gone; this one ends here, so the answer is shown signed out
		new SecurityContextLogoutHandler().logout(request, response, SecurityContextHolder.getContext().getAuthentication());
		model.asMap().remove("currentUser"); // set before the erasure; the page is shown signed out
		model.addAttribute("sections", view.sections(outcome.parts()));
		return "privacy/erased";
	}

	private String show(Erasures.Outcome outcome, Model model) {
		model.addAttribute("sections", view.sections(outcome.parts()));
		model.addAttribute("blocked", outcome.blocked());
		return "privacy/own-erasure";
	}
}
