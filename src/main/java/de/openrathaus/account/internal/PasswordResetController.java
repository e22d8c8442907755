// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Passwort vergessen?": asking for a link, and setting a new password with it. */
@Controller
class PasswordResetController {

	private final PasswordResets resets;
	private final MailLinks links;
	private final MessageSource messages;

	PasswordResetController(PasswordResets resets, MailLinks links, MessageSource messages) {
		this.resets = resets;
		this.links = links;
		this.messages = messages;
	}

	@GetMapping("/passwort-vergessen")
	String form() {
		return "account/password-forgotten";
	}

	@PostMapping("/passwort-vergessen")
	String request(@RequestParam(required = false) @Nullable String email, HttpServletRequest request) {
		RegistrationForm form = RegistrationForm.of("x", email, null, null, null);
		if (form.problems().stream().noneMatch(p -> p.field().equals("email"))) {
			resets.request(form.email(), links.base(request), request.getRemoteAddr());
		}
		return "redirect:/passwort-vergessen/gesendet";
	}

	@GetMapping("/passwort-vergessen/gesendet")
	String sent() {
		return "account/password-sent";
	}

	@GetMapping("/passwort-neu")
	String newPasswordForm(@RequestParam(required = false) @Nullable String token, Model model) {
		if (token == null || resets.check(token) != SingleUseTokens.Check.VALID) {
			return "account/password-link-invalid";
		}
		model.addAttribute("token", token);
		return "account/password-new";
	}

	@PostMapping("/passwort-neu")
	String setNewPassword(@RequestParam(required = false) @Nullable String token, @RequestParam(required = false) @Nullable String password,
			@RequestParam(required = false) @Nullable String passwordRepeat, Model model, Locale locale) {
		PasswordResets.Outcome outcome = token == null ? new PasswordResets.InvalidLink()
				: resets.reset(token, password == null ? "" : password, passwordRepeat == null ? "" : passwordRepeat);
		return switch (outcome) {
			case PasswordResets.Done done -> "redirect:/anmelden?passwortNeu";
			case PasswordResets.InvalidLink invalid -> "account/password-link-invalid";
			case PasswordResets.Refused refused -> {
				model.addAttribute("token", token);
				model.addAttribute("errors", refused.problems().stream()
					.map(p -> new RegistrationController.ErrorItem("#" + p.field(), messages.getMessage(p.code(), null, locale))).toList());
				model.addAttribute("fieldErrors", refused.problems().stream().collect(Collectors.toMap(RegistrationForm.Problem::field,
						p -> messages.getMessage(p.code(), null, locale), (a, b) -> a)));
				yield "account/password-new";
			}
		};
	}
}
