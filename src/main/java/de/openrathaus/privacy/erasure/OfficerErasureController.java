// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.privacy.erasure;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import de.openrathaus.account.AccountDirectory;
import de.openrathaus.account.AccountId;
import de.openrathaus.account.AccountKind;
import de.openrathaus.account.Authorities;
import de.openrathaus.account.SignedInUser;
import de.openrathaus.account.WebAccess;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The data protection officer carries out an erasure request that came in writing: the account is found
 * by its e-mail address (after the officer has checked who asks), the preview shows what would be
 * removed, what is kept and why, and what stands in the way; the officer then carries it out. Every
 * erasure, from here or from the portal, is listed.
 */
@Controller
@PreAuthorize("hasAuthority('privacy:register')")
class OfficerErasureController {

	static final String PAGE = "/datenschutz/loeschung";
	private static final int SHOWN = 50;
	private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

	private final Erasures erasures;
	private final ErasureRequests requests;
	private final ErasureView view;
	private final AccountDirectory accounts;
	private final Clock clock;

	OfficerErasureController(Erasures erasures, ErasureRequests requests, ErasureView view, AccountDirectory accounts, Clock clock) {
		this.erasures = erasures;
		this.requests = requests;
		this.view = view;
		this.accounts = accounts;
		this.clock = clock;
	}

	@Configuration(proxyBeanMethods = false)
	static class OfficerErasureWebSecurity {

		@Bean
		WebAccess officerErasureWebAccess() {
			return new WebAccess(List.of(), Map.of(PAGE, Authorities.PRIVACY_REGISTER, PAGE + "/**", Authorities.PRIVACY_REGISTER));
		}
	}

	/** One line of the list of erasures; the person is named by the account's number, the name being gone. */
	record Line(String account, String by, String channel, String at, int removed, int kept) {
	}

	@GetMapping(PAGE)
	String page(Model model) {
		model.addAttribute("erasures", requests.recent(SHOWN).stream().map(e -> new Line(e.account().toString(), name(e.by()),
				e.channel().name(), AT.withZone(clock.getZone()).format(e.at()), e.removed(), e.kept())).toList());
		return "privacy/officer-erasure";
	}

	@PostMapping(PAGE)
	String preview(@RequestParam(name = "email", required = false) @Nullable String email, Model model) {
		Optional<AccountDirectory.AccountSummary> person = email == null || email.isBlank() ? Optional.empty() : accounts.citizenByEmail(email);
		if (person.isEmpty()) {
			model.addAttribute("notFound", true);
			model.addAttribute("entered", email);
			return page(model);
		}
		return show(person.get(), erasures.preview(person.get().id().value()), model);
	}

	@PostMapping(PAGE + "/ausfuehren")
	String carryOut(@RequestParam("account") UUID account, SignedInUser officer, HttpServletRequest request, Model model) {
		Optional<AccountDirectory.AccountSummary> person = accounts.find(new AccountId(account))
			.filter(found -> found.kind() != AccountKind.STAFF);
		if (person.isEmpty()) {
			model.addAttribute("notFound", true);
			return page(model);
		}
		Erasures.Outcome outcome = erasures.carryOut(account, officer.id().value(), officer.displayName(), ErasureRequests.Channel.OFFICER,
				request.getRemoteAddr());
		if (!outcome.carriedOut()) {
			model.addAttribute("changed", true);
			return show(person.get(), outcome, model);
		}
		model.addAttribute("sections", view.sections(outcome.parts()));
		model.addAttribute("account", account);
		return "privacy/officer-erasure-done";
	}

	private String show(AccountDirectory.AccountSummary person, Erasures.Outcome outcome, Model model) {
		model.addAttribute("person", person.displayName());
		model.addAttribute("account", person.id().value());
		model.addAttribute("sections", view.sections(outcome.parts()));
		model.addAttribute("blocked", outcome.blocked());
		return "privacy/officer-erasure-preview";
	}

	private String name(UUID account) {
		return accounts.find(new AccountId(account)).map(AccountDirectory.AccountSummary::displayName)
			.filter(name -> !name.isBlank()) // an erased account has no name left
			.orElse(account.toString());
	}
}
