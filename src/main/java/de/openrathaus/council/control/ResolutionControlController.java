// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.council.control;

import java.util.UUID;

import de.openrathaus.account.SignedInUser;
import de.openrathaus.web.OnRefusal;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The resolution control pages of the council office and of the departments. */
@Controller
class ResolutionControlController {

	private static final String OFFICE = "/ratsbuero/beschluesse";
	private static final String DEPARTMENT = "/backoffice/beschluesse";

	private final ResolutionControl control;

	ResolutionControlController(ResolutionControl control) {
		this.control = control;
	}

	@GetMapping(OFFICE)
	@PreAuthorize("hasAuthority('council:office')")
	String office(Model model) {
		model.addAttribute("resolutions", control.all());
		model.addAttribute("departments", control.departments());
		model.addAttribute("office", true);
		return "council/control";
	}

	@PostMapping(OFFICE + "/{item}/zuweisung")
	@PreAuthorize("hasAuthority('council:office')")
	@OnRefusal(OFFICE)
	String assign(@PathVariable UUID item, @RequestParam(required = false) @Nullable String fachbereich,
			@RequestParam(required = false) @Nullable String frist, RedirectAttributes redirect) {
		control.assign(item, fachbereich, frist);
		redirect.addFlashAttribute("notice", "council.saved");
		return "redirect:" + OFFICE;
	}

	@GetMapping(DEPARTMENT)
	@PreAuthorize("hasAuthority('backoffice:use')")
	String department(SignedInUser user, Model model) {
		model.addAttribute("resolutions", control.ofDepartments(user));
		model.addAttribute("office", false);
		return "council/control";
	}

	@PostMapping(DEPARTMENT + "/{id}/bericht")
	@PreAuthorize("hasAuthority('backoffice:use')")
	@OnRefusal(DEPARTMENT)
	String report(SignedInUser user, @PathVariable UUID id, @RequestParam(required = false) @Nullable String stand,
			@RequestParam(required = false) @Nullable String bemerkung, @RequestParam(defaultValue = "false") boolean ratsbuero,
			RedirectAttributes redirect) {
		control.report(user, id, stand, bemerkung);
		redirect.addFlashAttribute("notice", "council.saved");
		return "redirect:" + (ratsbuero ? OFFICE : DEPARTMENT);
	}
}
