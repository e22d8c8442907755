// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; the form posts to Spring Security's login processing. */
@Controller
class LoginController {

	private final StaffSsoProviders staffSso;

	LoginController(StaffSsoProviders staffSso) {
		this.staffSso = staffSso;
	}

	/** With the single sign-on button when the municipality has a provider, and the reason when a single sign-on was refused. */
	@GetMapping("/anmelden")
	String login(@RequestParam(name = "sso", required = false) @Nullable String refused, Model model) {
		model.addAttribute("staffSso", staffSso.configuredHere());
		if (refused != null && StaffSsoSignIn.REASONS.contains(refused)) {
			model.addAttribute("ssoRefused", "login.sso." + refused);
		}
		return "account/login";
	}
}
