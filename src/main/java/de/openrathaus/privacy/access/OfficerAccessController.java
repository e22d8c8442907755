// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.privacy.access;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import de.openrathaus.account.AccountDirectory;
import de.openrathaus.account.AccountId;
import de.openrathaus.account.Authorities;
import de.openrathaus.account.SignedInUser;
import de.openrathaus.account.WebAccess;
import de.openrathaus.files.Downloads;
import de.openrathaus.tenancy.Tenants;

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
 * The data protection officer answers an access request that came in writing: the person's account is
 * found by its e-mail address (after the officer has checked who asks), and the same answer as in the
 * portal is downloaded. Every answer, from here or from the portal, is listed with who produced it.
 */
@Controller
@PreAuthorize("hasAuthority('privacy:register')")
class OfficerAccessController {

	static final String PAGE = "/datenschutz/auskunft";
	private static final int SHOWN = 50;
	private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private final AccessExport export;
	private final AccessRequests requests;
	private final AccountDirectory accounts;
	private final Tenants tenants;
	private final Clock clock;

	OfficerAccessController(AccessExport export, AccessRequests requests, AccountDirectory accounts, Tenants tenants, Clock clock) {
		this.export = export;
		this.requests = requests;
		this.accounts = accounts;
		this.tenants = tenants;
		this.clock = clock;
	}

	@Configuration(proxyBeanMethods = false)
	static class OfficerAccessWebSecurity {

		@Bean
		WebAccess officerAccessWebAccess() {
			return new WebAccess(List.of(), Map.of(PAGE, Authorities.PRIVACY_REGISTER, PAGE + "/**", Authorities.PRIVACY_REGISTER));
		}
	}

	/** One line of the list of answers. */
	record Line(String person, String producedBy, String channel, String at) {
	}

	@GetMapping(PAGE)
	String page(Model model) {
		model.addAttribute("answers", requests.recent(SHOWN).stream().map(a -> new Line(name(a.account()), name(a.producedBy()),
				a.channel().name(), AT.withZone(clock.getZone()).format(a.producedAt()))).toList());
		return "privacy/officer-access";
	}

	@PostMapping(PAGE)
	Object download(@RequestParam(name = "email", required = false) @Nullable String email, SignedInUser officer, HttpServletRequest request,
			Model model) {
		var person = email == null || email.isBlank() ? java.util.Optional.<AccountDirectory.AccountSummary>empty()
				: accounts.citizenByEmail(email);
		if (person.isEmpty()) {
			model.addAttribute("notFound", true);
			model.addAttribute("entered", email);
			return page(model);
		}
		AccountDirectory.AccountSummary found = person.get();
		byte[] zip = export.zip(found.id().value(), found.displayName(), tenants.current().name());
		requests.answered(found.id().value(), officer.id().value(), officer.displayName(), AccessRequests.Channel.OFFICER, clock.instant(),
				request.getRemoteAddr());
		return Downloads.attachment(zip, "Auskunft-" + STAMP.withZone(clock.getZone()).format(clock.instant()) + ".zip", "application/zip");
	}

	private String name(java.util.UUID account) {
		return accounts.find(new AccountId(account)).map(AccountDirectory.AccountSummary::displayName)
			.filter(name -> !name.isBlank()) // an erased account has no name left
			.orElse(account.toString());
	}
}
