// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Registration, the confirmation link and a new link on request. */
@Controller
class RegistrationController {

	private final Registrations registrations;
	private final MailLinks links;
	private final MessageSource messages;

	RegistrationController(Registrations registrations, MailLinks links, MessageSource messages) {
		this.registrations = registrations;
		this.links = links;
		this.messages = messages;
	}

	/** An entry of the error summary. */
	record ErrorItem(String target, String message) {
	}

	@GetMapping("/registrieren")
	String form() {
		return "account/register";
	}

	@PostMapping("/registrieren")
	String register(@RequestParam(required = false) @Nullable String name, @RequestParam(required = false) @Nullable String email,
			@RequestParam(required = false) @Nullable String password,
			@RequestParam(required = false) @Nullable String passwordRepeat,
			@RequestParam(required = false) @Nullable String consent, HttpServletRequest request, Model model, Locale locale) {
		RegistrationForm form = RegistrationForm.of(name, email, password, passwordRepeat, consent);
		List<RegistrationForm.Problem> problems = form.problems();
		if (!problems.isEmpty()) {
			model.addAttribute("name", form.displayName());
			model.addAttribute("email", form.email());
			model.addAttribute("consent", form.consent());
			model.addAttribute("errors", problems.stream()
				.map(p -> new ErrorItem("#" + p.field(), messages.getMessage(p.code(), null, locale))).toList());
			model.addAttribute("fieldErrors", problems.stream().collect(java.util.stream.Collectors.toMap(
					RegistrationForm.Problem::field, p -> messages.getMessage(p.code(), null, locale), (a, b) -> a)));
			return "account/register";
		}
		registrations.register(form, links.base(request), request.getRemoteAddr());
		return "redirect:/registrieren/bestaetigen";
	}

	@GetMapping("/registrieren/bestaetigen")
	String checkMail() {
		return "account/check-mail";
	}

	@GetMapping("/konto/bestaetigen")
	String confirmPage(@RequestParam(required = false) @Nullable String token, Model model) {
		if (token == null || registrations.check(token) != VerificationTokens.Check.VALID) {
			model.addAttribute("expired", token != null && registrations.check(token) == VerificationTokens.Check.EXPIRED);
			return "account/link-invalid";
		}
		model.addAttribute("token", token);
		return "account/confirm";
	}

	/** Confirms by POST, so that mail scanners following the link do not use it up. */
	@PostMapping("/konto/bestaetigen")
	String confirm(@RequestParam(required = false) @Nullable String token, Model model) {
		if (token != null && registrations.confirm(token)) {
			return "redirect:/anmelden?bestaetigt";
		}
		model.addAttribute("expired", false);
		return "account/link-invalid";
	}

	@GetMapping("/konto/bestaetigen/neu")
	String resendForm() {
		return "account/resend";
	}

	@PostMapping("/konto/bestaetigen/neu")
	String resend(@RequestParam(required = false) @Nullable String email, HttpServletRequest request) {
		RegistrationForm form = RegistrationForm.of("x", email, null, null, null);
		if (!form.email().isEmpty()) {
			registrations.resend(form.email(), links.base(request), request.getRemoteAddr());
		}
		return "redirect:/registrieren/bestaetigen";
	}
}
