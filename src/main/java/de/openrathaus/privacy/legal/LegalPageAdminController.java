// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.privacy.legal;

import java.util.Arrays;

import de.openrathaus.web.OnRefusal;
import de.openrathaus.web.Refusal;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrators' editor for the legal pages and their contacts, with the feedback received. */
@Controller
@PreAuthorize("hasAuthority('accounts:administer')")
class LegalPageAdminController {

	private static final String EDITOR = "/admin/rechtliches";

	private final LegalPages pages;
	private final LegalPageAdministration administration;

	LegalPageAdminController(LegalPages pages, LegalPageAdministration administration) {
		this.pages = pages;
		this.administration = administration;
	}

	@GetMapping(EDITOR)
	String editor(Model model) {
		model.addAttribute("pages", Arrays.stream(LegalPageKind.values()).map(pages::page).toList());
		model.addAttribute("contacts", pages.contacts());
		model.addAttribute("feedback", administration.latestFeedback());
		model.addAttribute("bodyMax", LegalPageAdministration.BODY_MAX);
		model.addAttribute("dpoMax", LegalPageAdministration.DPO_MAX);
		model.addAttribute("addressMax", LegalPageAdministration.ADDRESS_MAX);
		return "privacy/admin-legal";
	}

	@PostMapping(EDITOR + "/kontakte")
	@OnRefusal(EDITOR)
	String contacts(@RequestParam(name = "rueckmeldung", required = false) @Nullable String feedbackAddress,
			@RequestParam(name = "dsb", required = false) @Nullable String dpoContact, RedirectAttributes redirect) {
		administration.nameContacts(feedbackAddress, dpoContact);
		redirect.addFlashAttribute("notice", "privacy.legal.contacts.saved");
		return "redirect:" + EDITOR;
	}

	@PostMapping(EDITOR + "/{slug}")
	@OnRefusal(EDITOR)
	String write(@PathVariable String slug, @RequestParam(name = "text", required = false) @Nullable String body,
			RedirectAttributes redirect) {
		LegalPageKind kind = LegalPageKind.bySlug(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		try {
			administration.write(kind, body);
		}
		catch (Refusal refused) {
			throw refused.keeping("draftKind", slug).keeping("draft", body);
		}
		redirect.addFlashAttribute("notice", "privacy.legal.saved");
		return "redirect:" + EDITOR;
	}
}
