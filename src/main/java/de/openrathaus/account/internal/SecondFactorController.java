// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import de.openrathaus.account.AccountId;
import de.openrathaus.account.SignedInUser;
import de.openrathaus.account.WebAccess;
import de.openrathaus.tenancy.Tenants;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The code after the password, and enrolment: right after the password (when the municipality requires
 * a second factor and the account has none yet) or later by a signed-in staff member who chooses to.
 * Both pages are open paths because whoever uses them after the password is not signed in yet; each
 * handler itself asks for the proof of the password in the session or a signed-in staff account.
 */
@Controller
class SecondFactorController {

	private final SecondFactorGate gate;
	private final SecondFactors factors;
	private final Tenants tenants;

	SecondFactorController(SecondFactorGate gate, SecondFactors factors, Tenants tenants) {
		this.gate = gate;
		this.factors = factors;
		this.tenants = tenants;
	}

	@Configuration(proxyBeanMethods = false)
	static class Paths {

		@Bean
		WebAccess secondFactorWebAccess() {
			return WebAccess.open(SecondFactorGate.CODE_PAGE, SecondFactorGate.ENROL_PAGE);
		}
	}

	@GetMapping(SecondFactorGate.CODE_PAGE)
	String codeForm(HttpServletRequest request) {
		SecondFactorGate.Pending pending = gate.pending(request);
		if (pending == null) {
			return "redirect:/anmelden";
		}
		return factors.enrolled(pending.account()) ? "account/second-factor-code" : "redirect:" + SecondFactorGate.ENROL_PAGE;
	}

	@PostMapping(SecondFactorGate.CODE_PAGE)
	@Nullable
	String code(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response)
			throws IOException, ServletException {
		SecondFactorGate.Pending pending = gate.pending(request);
		if (pending == null) {
			return "redirect:/anmelden";
		}
		return switch (factors.check(pending.account(), code)) {
			case ACCEPTED -> {
				gate.complete(pending, request, response);
				yield null;
			}
			case WRONG -> "redirect:" + SecondFactorGate.CODE_PAGE + "?fehler";
			case WAIT -> "redirect:" + SecondFactorGate.CODE_PAGE + "?warten";
		};
	}

	@GetMapping(SecondFactorGate.ENROL_PAGE)
	String enrolForm(@Nullable SignedInUser user, HttpServletRequest request, Model model) {
		Enrolling who = enrolling(user, request);
		if (who == null && user != null && !user.isCitizen()) {
			// signed in through single sign-on: the municipality's provider is responsible for further factors
			model.addAttribute("singleSignOn", true);
			return "account/second-factor-enrol";
		}
		if (who == null) {
			return "redirect:/anmelden";
		}
		if (factors.enrolled(who.account())) {
			if (who.pending() != null) {
				return "redirect:" + SecondFactorGate.CODE_PAGE;
			}
			model.addAttribute("enrolled", true);
			return "account/second-factor-enrol";
		}
		byte[] secret = factors.pending(who.account());
		String uri = Totp.keyUri(secret, tenants.current().name(), who.email());
		model.addAttribute("enrolled", false);
		model.addAttribute("required", who.pending() != null);
		model.addAttribute("qrCode", QrCodes.svgDataUri(uri));
		model.addAttribute("secret", Totp.base32(secret).replaceAll("(.{4})(?!$)", "$1 "));
		return "account/second-factor-enrol";
	}

	@PostMapping(SecondFactorGate.ENROL_PAGE)
	@Nullable
	String enrol(@Nullable SignedInUser user, @RequestParam(defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response) throws IOException, ServletException {
		Enrolling who = enrolling(user, request);
		if (who == null) {
			return "redirect:/anmelden";
		}
		switch (factors.confirm(who.account(), code)) {
			case ACCEPTED -> {
				if (who.pending() != null) {
					gate.complete(who.pending(), request, response);
					return null;
				}
				return "redirect:" + SecondFactorGate.ENROL_PAGE;
			}
			case WRONG -> {
				return "redirect:" + SecondFactorGate.ENROL_PAGE + "?fehler";
			}
			default -> {
				return "redirect:" + SecondFactorGate.ENROL_PAGE + "?warten";
			}
		}
	}

	private record Enrolling(AccountId account, String email, SecondFactorGate.@Nullable Pending pending) {
	}

	/** Who enrols: whoever proved the password a moment ago, or a signed-in staff member who signs in with a password. */
	private @Nullable Enrolling enrolling(@Nullable SignedInUser user, HttpServletRequest request) {
		SecondFactorGate.Pending pending = gate.pending(request);
		if (pending != null) {
			return new Enrolling(pending.account(), pending.email(), pending);
		}
		boolean password = !(SecurityContextHolder.getContext().getAuthentication() != null
				&& SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof StaffOidcUser);
		if (user != null && !user.isCitizen() && password) {
			return new Enrolling(user.id(), user.email(), null);
		}
		return null;
	}
}
