// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import de.openrathaus.account.SignedInUser;
import de.openrathaus.records.filing.FilePlanEditing;
import de.openrathaus.records.filing.PlanEntryId;
import de.openrathaus.web.OnRefusal;
import de.openrathaus.web.Refusal;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The records manager's page for maintaining the file plan. */
@Controller
@PreAuthorize("hasAuthority('records:manage')")
class FilePlanController {

	private final FilePlanEditing editing;

	FilePlanController(FilePlanEditing editing) {
		this.editing = editing;
	}

	@GetMapping("/backoffice/aktenplan")
	String plan(Model model) {
		model.addAttribute("plan", editing.plan());
		return "records/plan-edit";
	}

	@PostMapping("/backoffice/aktenplan")
	@OnRefusal("/backoffice/aktenplan")
	String add(@RequestParam(required = false) @Nullable String number, @RequestParam(required = false) @Nullable String title,
			@RequestParam(required = false) @Nullable String retentionYears, @RequestParam(required = false) @Nullable String disposal,
			@RequestParam(required = false) @Nullable String procedureTypes, SignedInUser user, HttpServletRequest request,
			RedirectAttributes redirect) {
		FilePlanEditing.Entry entry = new FilePlanEditing.Entry(number, title, retentionYears, disposal, procedureTypes);
		try {
			editing.add(entry, user.displayName(), RecordsController.origin(request));
		}
		catch (Refusal refused) {
			throw refused.keeping("entered", entry);
		}
		redirect.addFlashAttribute("notice", "records.plan.edit.added");
		return "redirect:/backoffice/aktenplan";
	}

	@PostMapping("/backoffice/aktenplan/{id}")
	@OnRefusal("/backoffice/aktenplan#e-{id}")
	String change(@PathVariable PlanEntryId id, @RequestParam(required = false) @Nullable String title,
			@RequestParam(required = false) @Nullable String retentionYears, @RequestParam(required = false) @Nullable String disposal,
			@RequestParam(required = false) @Nullable String procedureTypes, SignedInUser user, HttpServletRequest request,
			RedirectAttributes redirect) {
		try {
			editing.change(id, new FilePlanEditing.Entry(null, title, retentionYears, disposal, procedureTypes), user.displayName(),
					RecordsController.origin(request));
			redirect.addFlashAttribute("notice", "records.plan.edit.changed");
		}
		catch (Refusal refused) {
			throw refused.keeping("refusedEntry", id);
		}
		return "redirect:/backoffice/aktenplan#e-" + id;
	}
}
