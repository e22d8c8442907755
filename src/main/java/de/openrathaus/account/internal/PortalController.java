// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The citizen's start page in the portal. */
@Controller
@PreAuthorize("hasAuthority('portal:use')")
class PortalController {

	@GetMapping("/portal")
	String overview() {
		return "account/portal";
	}
}
