// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.inbound;

import java.time.Clock;
import java.util.UUID;

import de.openrathaus.account.Authorities;
import de.openrathaus.account.SignedInUser;
import de.openrathaus.account.WebAccess;
import de.openrathaus.correspondence.ReplyReceived;
import de.openrathaus.files.InputText;
import de.openrathaus.procedure.ApplicationId;
import de.openrathaus.tenancy.TenantContext;

import de.openrathaus.personaldata.PersonalDataUse;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The triage list of the city's mailbox: mails that named no case, or could not be filed, for staff
 * to assign to a case by its reference or to discard with a note (who and when are kept).
 */
@Controller
@PreAuthorize("hasAuthority('backoffice:use')")
class TriageController {

	static final String PAGE = "/backoffice/posteingang";

	private final InboundStore store;
	private final ReplyAddresses addresses;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final PersonalDataUse use;

	TriageController(InboundStore store, ReplyAddresses addresses, ApplicationEventPublisher events, TransactionTemplate transactions,
			Clock clock, PersonalDataUse use) {
		this.use = use;
		this.store = store;
		this.addresses = addresses;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Configuration(proxyBeanMethods = false)
	static class TriageWebSecurity {

		@Bean
		WebAccess triageWebAccess() {
			return new WebAccess(java.util.List.of(), java.util.Map.of(PAGE, Authorities.BACKOFFICE, PAGE + "/**", Authorities.BACKOFFICE));
		}
	}

	@GetMapping(PAGE)
	String list(SignedInUser staff, HttpServletRequest request, Model model) {
		model.addAttribute("entries", store.triage());
		use.read(staff.displayName(), "inbound mails awaiting triage (senders, subjects)", request.getRemoteAddr());
		return "correspondence/triage";
	}

	@PostMapping(PAGE + "/{id}/zuordnen")
	String assign(@PathVariable UUID id, @RequestParam(name = "aktenzeichen", required = false) @Nullable String reference, SignedInUser staff,
			HttpServletRequest request, RedirectAttributes redirect) {
		String outcome = transactions.execute(s -> {
			ReplyAddresses.Case target = reference == null ? null : addresses.caseByReference(InputText.nfc(reference)).orElse(null);
			if (target == null) {
				return "unknownReference";
			}
			if (!store.assign(id, target, staff.id().value(), clock.instant())) {
				return "notAssignable";
			}
			events.publishEvent(new ReplyReceived(TenantContext.require(), id, new ApplicationId(target.application()), target.reference(),
					clock.instant()));
			use.changed(staff.displayName(), "inbound mail " + id + " assigned to case " + target.reference(), request.getRemoteAddr());
			return "assigned";
		});
		redirect.addFlashAttribute("outcome", outcome);
		return "redirect:" + PAGE;
	}

	@PostMapping(PAGE + "/{id}/verwerfen")
	String discard(@PathVariable UUID id, @RequestParam(name = "vermerk", required = false) @Nullable String note, SignedInUser staff,
			HttpServletRequest request, RedirectAttributes redirect) {
		String clean = note == null ? "" : InputText.nfc(note).strip();
		if (clean.isEmpty() || clean.length() > 500) {
			redirect.addFlashAttribute("outcome", "noteRequired");
			return "redirect:" + PAGE;
		}
		boolean done = Boolean.TRUE.equals(transactions.execute(s -> {
			boolean discarded = store.discard(id, clean, staff.id().value(), clock.instant());
			if (discarded) {
				use.changed(staff.displayName(), "inbound mail " + id + " discarded", request.getRemoteAddr());
			}
			return discarded;
		}));
		redirect.addFlashAttribute("outcome", done ? "discarded" : "notAssignable");
		return "redirect:" + PAGE;
	}
}
