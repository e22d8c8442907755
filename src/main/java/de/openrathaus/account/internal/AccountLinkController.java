// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "BundID-Identität mit Ihrem Konto verknüpfen?": asked after a federated sign-in that a signed-in
 * local account started, when the identity is not linked yet. Nobody is signed in while the question
 * is open (the page is open; what it acts on is the pending link in this session only). Yes needs the
 * local account's password; no gives the identity its own account; cancel signs in nobody.
 */
@Controller
class AccountLinkController {

	private final FederatedSessions sessions;
	private final FederatedAccounts accounts;
	private final PasswordEncoder passwords;
	private final Clock clock;

	AccountLinkController(FederatedSessions sessions, FederatedAccounts accounts, PasswordEncoder passwords, Clock clock) {
		this.sessions = sessions;
		this.accounts = accounts;
		this.passwords = passwords;
		this.clock = clock;
	}

	@GetMapping(FederatedSessions.LINK_PAGE)
	String ask(HttpServletRequest request, Model model) {
		PendingLink pending = pending(request);
		if (pending == null) {
			return "redirect:/anmelden?verknuepfungAbgelaufen";
		}
		model.addAttribute("pending", pending);
		return "account/link";
	}

	@PostMapping(FederatedSessions.LINK_PAGE)
	String answer(@RequestParam(name = "aktion", required = false) @Nullable String action,
			@RequestParam(name = "password", required = false) @Nullable String password, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		PendingLink pending = pending(request);
		if (pending == null) {
			return "redirect:/anmelden?verknuepfungAbgelaufen";
		}
		HttpSession session = request.getSession();
		if ("verknuepfen".equals(action)) {
			boolean right = password != null && !password.isEmpty()
					&& accounts.passwordHash(pending.localAccount()).map(hash -> passwords.matches(password, hash)).orElse(false);
			if (!right) {
				PendingLink failed = pending.failed();
				session.setAttribute(PendingLink.SESSION_ATTRIBUTE, failed);
				if (!failed.isFresh(clock.instant())) {
					session.removeAttribute(PendingLink.SESSION_ATTRIBUTE);
					return "redirect:/anmelden?verknuepfungAbgelaufen";
				}
				model.addAttribute("pending", failed);
				model.addAttribute("wrongPassword", true);
				return "account/link";
			}
			if (!sessions.link(pending, request, response)) {
				session.removeAttribute(PendingLink.SESSION_ATTRIBUTE);
				model.addAttribute("pending", pending);
				model.addAttribute("linkRefused", true);
				return "account/link";
			}
			return "redirect:" + pending.target();
		}
		if ("eigenes".equals(action)) {
			sessions.signInWithoutLink(pending, request, response);
			return "redirect:/portal";
		}
		session.invalidate();
		return "redirect:/anmelden";
	}

	private @Nullable PendingLink pending(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(PendingLink.SESSION_ATTRIBUTE) instanceof PendingLink pending)) {
			return null;
		}
		if (!pending.isFresh(clock.instant())) {
			session.removeAttribute(PendingLink.SESSION_ATTRIBUTE);
			return null;
		}
		return pending;
	}
}
