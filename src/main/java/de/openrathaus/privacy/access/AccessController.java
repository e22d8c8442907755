// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.privacy.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import de.openrathaus.account.AccountId;
import de.openrathaus.account.Authorities;
import de.openrathaus.account.SignedInUser;
import de.openrathaus.account.WebAccess;
import de.openrathaus.files.Downloads;
import de.openrathaus.tenancy.Tenants;

import de.openrathaus.personaldata.PersonalDataUse;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The citizen's own access request in the portal: the page says what the answer holds; the button
 * (POST, CSRF-protected) downloads it at once. At most three answers per account in ten minutes: each
 * one reads every module and all the person's documents.
 */
@Controller
@PreAuthorize("hasAuthority('portal:use')")
class AccessController {

	static final String PAGE = "/portal/konto/auskunft";
	private static final int PER_WINDOW = 3;
	private static final Duration WINDOW = Duration.ofMinutes(10);
	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private final AccessExport export;
	private final AccessRequests requests;
	private final Tenants tenants;
	private final Clock clock;
	private final Map<AccountId, List<Instant>> recent = new ConcurrentHashMap<>();

	AccessController(AccessExport export, AccessRequests requests, Tenants tenants, Clock clock) {
		this.export = export;
		this.requests = requests;
		this.tenants = tenants;
		this.clock = clock;
	}

	@Configuration(proxyBeanMethods = false)
	static class AccessWebSecurity {

		@Bean
		WebAccess accessRequestWebAccess() {
			return new WebAccess(List.of(), Map.of(PAGE, Authorities.PORTAL, PAGE + "/**", Authorities.PORTAL));
		}
	}

	@GetMapping(PAGE)
	String page() {
		return "privacy/access";
	}

	@PostMapping(PAGE)
	Object download(SignedInUser citizen, HttpServletRequest request, RedirectAttributes redirect) {
		if (!allowed(citizen.id())) {
			redirect.addFlashAttribute("tooMany", true);
			return "redirect:" + PAGE;
		}
		byte[] zip = export.zip(citizen.id().value(), citizen.displayName(), tenants.current().name());
		requests.answered(citizen.id().value(), citizen.id().value(), PersonalDataUse.citizen(citizen.id().value()),
				AccessRequests.Channel.PORTAL, clock.instant(), request.getRemoteAddr());
		return Downloads.attachment(zip, "Auskunft-" + STAMP.withZone(clock.getZone()).format(clock.instant()) + ".zip", "application/zip");
	}

	private boolean allowed(AccountId account) {
		Instant now = clock.instant();
		boolean[] allowed = new boolean[1];
		recent.compute(account, (key, times) -> {
			List<Instant> kept = times == null ? List.of() : times.stream().filter(t -> t.isAfter(now.minus(WINDOW))).toList();
			allowed[0] = kept.size() < PER_WINDOW;
			if (!allowed[0]) {
				return kept;
			}
			List<Instant> next = new java.util.ArrayList<>(kept);
			next.add(now);
			return List.copyOf(next);
		});
		// forget accounts whose window has passed, so the map stays small
		if (recent.size() > 10_000) {
			recent.entrySet().removeIf(e -> e.getValue().stream().noneMatch(t -> t.isAfter(now.minus(WINDOW))));
		}
		return allowed[0];
	}
}
