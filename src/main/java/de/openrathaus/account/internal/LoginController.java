// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; the form posts to Spring Security's login processing. */
@Controller
class LoginController {

	@GetMapping("/anmelden")
	String login() {
		return "account/login";
	}
}
