// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.privacy.legal;

import de.openrathaus.privacy.register.ProcessingRegister;
import de.openrathaus.web.OnRefusal;
import de.openrathaus.web.Refusal;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The footer's legal pages, open to anyone, and the accessibility statement's feedback form. */
@Controller
class LegalPageController {

	static final String ACCESSIBILITY = "/barrierefreiheit";

	private final LegalPages pages;
	private final AccessibilityFeedbackForm feedback;
	private final ProcessingRegister register;

	LegalPageController(LegalPages pages, AccessibilityFeedbackForm feedback, ProcessingRegister register) {
		this.register = register;
		this.pages = pages;
		this.feedback = feedback;
	}

	@GetMapping("/impressum")
	String imprint(Model model) {
		return show(LegalPageKind.IMPRINT, model);
	}

	@GetMapping("/datenschutz")
	String privacyNotice(Model model) {
		// generated from the register, so a process the catalogue marks as personal is named here at once
		model.addAttribute("activities", register.activities());
		return show(LegalPageKind.PRIVACY_NOTICE, model);
	}

	@GetMapping(ACCESSIBILITY)
	String accessibility(Model model) {
		model.addAttribute("messageMax", AccessibilityFeedbackForm.MESSAGE_MAX);
		model.addAttribute("pageMax", AccessibilityFeedbackForm.PAGE_MAX);
		model.addAttribute("contactMax", AccessibilityFeedbackForm.CONTACT_MAX);
		return show(LegalPageKind.ACCESSIBILITY, model);
	}

	@PostMapping(ACCESSIBILITY + "/rueckmeldung")
	@OnRefusal(ACCESSIBILITY + "#rueckmeldung")
	String report(@RequestParam(name = "nachricht", required = false) @Nullable String message,
			@RequestParam(name = "seite", required = false) @Nullable String page,
			@RequestParam(name = "kontakt", required = false) @Nullable String contact, RedirectAttributes redirect,
			jakarta.servlet.http.HttpServletRequest request) {
		try {
			feedback.report(message, page, contact, request.getRemoteAddr());
		}
		catch (Refusal refused) {
			throw refused.keeping("message", message).keeping("page", page).keeping("contact", contact);
		}
		redirect.addFlashAttribute("notice", "privacy.feedback.received");
		return "redirect:" + ACCESSIBILITY;
	}

	private String show(LegalPageKind kind, Model model) {
		model.addAttribute("legal", pages.page(kind));
		model.addAttribute("contacts", pages.contacts());
		return "privacy/legal";
	}
}
