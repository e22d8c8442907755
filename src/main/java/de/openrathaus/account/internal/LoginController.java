// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import de.openrathaus.account.FederatedSignIn;
import de.openrathaus.account.TrustLevel;

import org.jspecify.annotations.Nullable;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page; the form posts to Spring Security's login processing. It offers BundID and the
 * organisation account too, coming back to the page that asked for sign-in (if any), else the portal;
 * and the staff single sign-on button when the municipality has a provider, with the reason when a
 * single sign-on was refused.
 */
@Controller
class LoginController {

	private final RequestCache requests = new HttpSessionRequestCache();

	private final StaffSsoProviders staffSso;

	LoginController(StaffSsoProviders staffSso) {
		this.staffSso = staffSso;
	}

	@GetMapping("/anmelden")
	String login(@RequestParam(name = "sso", required = false) @Nullable String refused, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		String target = "/portal";
		SavedRequest saved = requests.getRequest(request, response);
		if (saved != null) {
			URI uri = URI.create(saved.getRedirectUrl());
			target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
		}
		model.addAttribute("bundIdUrl", FederatedSignIn.bundIdStart(TrustLevel.SUBSTANTIAL, target));
		model.addAttribute("organisationUrl", FederatedSignIn.organisationStart(target));
		model.addAttribute("staffSso", staffSso.configuredHere());
		if (refused != null && StaffSsoSignIn.REASONS.contains(refused)) {
			model.addAttribute("ssoRefused", "login.sso." + refused);
		}
		return "account/login";
	}
}
