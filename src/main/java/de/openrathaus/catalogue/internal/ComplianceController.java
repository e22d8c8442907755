// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.catalogue.internal;

import org.springframework.security.access.prepost.PreAuthorize;
import java.time.Clock;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The EGovG NRW compliance view. */
@Controller
@PreAuthorize("hasAuthority('backoffice:use')")
class ComplianceController {

	private final Compliance compliance;
	private final Clock clock;

	ComplianceController(Compliance compliance, Clock clock) {
		this.clock = clock;
		this.compliance = compliance;
	}

	@GetMapping("/backoffice/egovg")
	String show(Model model, Locale locale) {
		model.addAttribute("duties", compliance.duties(locale));
		model.addAttribute("today", java.time.LocalDate.now(clock));
		return "catalogue/compliance";
	}
}
