// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.identity.web;

import java.util.Locale;

import de.openrathaus.account.SignedInUser;
import de.openrathaus.account.TrustLevel;
import de.openrathaus.identity.saml.SamlRefusal;
import de.openrathaus.identity.saml.ServiceProvider;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Starts a sign-in with BundID ({@code /anmelden/bundid?niveau=SUBSTANTIAL&ziel=/portal/…}) or with an
 * organisation account ({@code /anmelden/unternehmenskonto?ziel=…}): the browser is sent to the identity
 * provider with a signed AuthnRequest. A procedure that needs a higher level sends the citizen here
 * with the level and the page to come back to. Whoever is signed in is remembered as the one who asked.
 */
@Controller
class SignInStartController {

	static final String DEFAULT_TARGET = "/portal";

	private final ServiceProvider serviceProvider;
	private final RefusalPages refusals;

	SignInStartController(ServiceProvider serviceProvider, RefusalPages refusals) {
		this.serviceProvider = serviceProvider;
		this.refusals = refusals;
	}

	@GetMapping("/anmelden/bundid")
	ModelAndView bundId(@RequestParam(name = "niveau", required = false) @Nullable String level,
			@RequestParam(name = "ziel", required = false) @Nullable String target, @Nullable SignedInUser user,
			HttpServletRequest request, HttpServletResponse response) {
		return start(ServiceProvider.BUNDID, level(level), target, user, request, response);
	}

	@GetMapping("/anmelden/unternehmenskonto")
	ModelAndView organisation(@RequestParam(name = "niveau", required = false) @Nullable String level,
			@RequestParam(name = "ziel", required = false) @Nullable String target, @Nullable SignedInUser user,
			HttpServletRequest request, HttpServletResponse response) {
		return start(ServiceProvider.ORGANISATION, level(level), target, user, request, response);
	}

	/** The client is the request's remote address (behind a proxy, as {@code server.forward-headers-strategy} makes it; ADR 14). */
	private ModelAndView start(String registration, TrustLevel level, @Nullable String target, @Nullable SignedInUser user,
			HttpServletRequest request, HttpServletResponse response) {
		try {
			return RefusalPages.redirect(serviceProvider.start(registration, level, localTarget(target), user == null ? null : user.id(),
					request.getRemoteAddr()));
		}
		catch (SamlRefusal refusal) {
			return refusals.page(refusal, registration, response);
		}
	}

	/** The level asked for; LOW when none or an unknown one is given (the response is checked against what we asked). */
	static TrustLevel level(@Nullable String value) {
		if (value == null) {
			return TrustLevel.LOW;
		}
		try {
			return TrustLevel.valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			return TrustLevel.LOW;
		}
	}

	/**
	 * A path of this application only: it must start with one slash (so no scheme can precede it), and
	 * contain no second slash at the start, no backslash and no control character; anything else becomes
	 * the portal, so a crafted link cannot send a freshly signed-in citizen to another site.
	 */
	static String localTarget(@Nullable String target) {
		if (target == null || target.isBlank() || target.length() > 2000) {
			return DEFAULT_TARGET;
		}
		String path = target.trim();
		boolean local = path.startsWith("/") && !path.startsWith("//") && path.indexOf('\\') < 0
				&& path.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
		return local ? path : DEFAULT_TARGET;
	}
}
