// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.casework;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import de.openrathaus.account.AccountDirectory;
import de.openrathaus.account.AccountId;
import de.openrathaus.account.SignedInUser;
import de.openrathaus.procedure.ApplicationId;
import de.openrathaus.procedure.application.AnswerFormatter;
import de.openrathaus.procedure.application.Application;
import de.openrathaus.procedure.application.ApplicationNotFound;
import de.openrathaus.procedure.application.ApplicationStatus;
import de.openrathaus.procedure.application.ApplicationStore;
import de.openrathaus.procedure.application.StoredAttachment;
import de.openrathaus.procedure.definition.ProcedureDefinition;
import de.openrathaus.files.Downloads;
import de.openrathaus.web.OnRefusal;
import de.openrathaus.web.Refusal;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import de.openrathaus.seal.DecisionSeal;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The back office: the department's worklist and the case page with the clerk's actions. */
@Controller
@PreAuthorize("hasAuthority('backoffice:use')")
class BackofficeController {

	/** The case page, where a refused action shows why (and keeps what the clerk wrote). */
	private static final String CASE = "/backoffice/faelle/{id}";

	private final CaseworkService casework;
	private final ApplicationStore store;
	private final DecisionStore decisions;
	private final AccountDirectory accounts;
	private final AutomaticChecks checks;
	private final de.openrathaus.procedure.application.FeeOnDecision feesOnDecision;
	private final DecisionSeal seal;
	/** The messages to the citizen and their delivery, from the module that sends them (none in module tests). */
	private final org.springframework.beans.factory.ObjectProvider<de.openrathaus.procedure.CaseCorrespondence> correspondence;

	BackofficeController(CaseworkService casework, ApplicationStore store, DecisionStore decisions, AccountDirectory accounts,
			AutomaticChecks checks, de.openrathaus.procedure.application.FeeOnDecision feesOnDecision, DecisionSeal seal,
			org.springframework.beans.factory.ObjectProvider<de.openrathaus.procedure.CaseCorrespondence> correspondence) {
		this.correspondence = correspondence;
		this.checks = checks;
		this.feesOnDecision = feesOnDecision;
		this.seal = seal;
		this.casework = casework;
		this.store = store;
		this.decisions = decisions;
		this.accounts = accounts;
	}

	@GetMapping("/backoffice")
	String worklist(@RequestParam(name = "ansicht", defaultValue = "offen") String view, SignedInUser clerk, Model model) {
		var departments = CaseworkService.departmentsOf(clerk);
		List<Application> cases = switch (view) {
			case "erledigt" -> store.decidedCases(departments, 200);
			case "meine" -> store.openCases(departments, 500).stream().filter(a -> a.isAssignedTo(clerk.id())).toList();
			case "neu" -> store.openCases(departments, 500).stream().filter(a -> a.status() == ApplicationStatus.SUBMITTED).toList();
			default -> store.openCases(departments, 500);
		};
		model.addAttribute("view", view);
		model.addAttribute("cases", cases);
		model.addAttribute("departments", departments);
		model.addAttribute("titles", titles(cases));
		model.addAttribute("assignees", assignees(cases));
		model.addAttribute("automatic", decisions.automaticAmong(cases.stream().filter(a -> a.status().isDecided()).map(Application::id).toList()));
		List<ApplicationId> ids = cases.stream().map(Application::id).toList();
		model.addAttribute("failedDelivery", correspondence.orderedStream().flatMap(c -> c.withFailedMessage(ids).stream())
			.collect(java.util.stream.Collectors.toSet()));
		return "casework/worklist";
	}

	private Map<ApplicationId, String> titles(List<Application> cases) {
		Map<ApplicationId, String> titles = new HashMap<>();
		cases.forEach(a -> titles.put(a.id(), casework.definitionOf(a).title().de()));
		return titles;
	}

	private Map<AccountId, String> assignees(List<Application> cases) {
		Map<AccountId, String> names = new HashMap<>();
		cases.stream().map(Application::assignee).filter(a -> a != null).distinct()
			.forEach(a -> names.put(a, accounts.find(a).map(AccountDirectory.AccountSummary::displayName).orElse("?")));
		return names;
	}

	@GetMapping("/backoffice/faelle/{id}")
	String showCase(@PathVariable ApplicationId id, SignedInUser clerk, Model model, Locale locale, HttpServletRequest request) {
		Application application = casework.visibleCase(clerk, id);
		casework.viewed(clerk, application, request.getRemoteAddr());
		ProcedureDefinition definition = casework.definitionOf(application);
		List<StoredAttachment> attachments = store.attachments(id);
		model.addAttribute("antrag", application);
		model.addAttribute("organisation", application.organisation() == null ? null
				: accounts.organisationName(application.organisation()).orElse("?"));
		model.addAttribute("service", definition);
		model.addAttribute("sections", AnswerFormatter.sections(definition, application.data(),
				attachments.stream().filter(a -> a.exchangeId() == null).toList(), locale));
		model.addAttribute("attachments", attachments);
		model.addAttribute("exchanges", store.exchanges(id));
		model.addAttribute("mine", application.isAssignedTo(clerk.id()));
		model.addAttribute("assignee", application.assignee() == null ? null
				: accounts.find(application.assignee()).map(AccountDirectory.AccountSummary::displayName).orElse("?"));
		model.addAttribute("decision", decisions.find(id).orElse(null));
		model.addAttribute("automaticCheck", checks.of(id).orElse(null));
		model.addAttribute("feeDue", feesOnDecision.requestOf(id).orElse(null));
		model.addAttribute("revocation", seal.revocationOf(application.reference()).orElse(null));
		model.addAttribute("revocationMax", 2000);
		List<de.openrathaus.procedure.CaseCorrespondence.Message> messages = correspondence.orderedStream().flatMap(c -> c.of(id).stream()).toList();
		model.addAttribute("deliveries", messages);
		model.addAttribute("deliveryFellBack", messages.stream().anyMatch(de.openrathaus.procedure.CaseCorrespondence.Message::fallback));
		model.addAttribute("textMax", CaseworkService.TEXT_MAX);
		if (application.status() == ApplicationStatus.IN_PROGRESS && application.isAssignedTo(clerk.id())) {
			model.addAttribute("preview", casework.preview(application).model());
		}
		return "casework/case";
	}

	@PostMapping("/backoffice/faelle/{id}/uebernehmen")
	@OnRefusal(CASE)
	String claim(@PathVariable ApplicationId id, SignedInUser clerk, RedirectAttributes redirect) {
		casework.claim(clerk, id);
		return done(id, redirect, "casework.claimed");
	}

	@PostMapping("/backoffice/faelle/{id}/rueckfrage")
	@OnRefusal(CASE)
	String ask(@PathVariable ApplicationId id, @RequestParam(name = "frage", required = false) @Nullable String question,
			SignedInUser clerk, RedirectAttributes redirect) {
		try {
			casework.requestInformation(clerk, id, question == null ? "" : question);
		}
		catch (Refusal refused) {
			throw refused.keeping("question", question);
		}
		return done(id, redirect, "casework.asked");
	}

	/** Approving issues and delivers the decision at once, so the clerk confirms it in the same form (works without JavaScript). */
	@PostMapping("/backoffice/faelle/{id}/genehmigen")
	@OnRefusal(CASE)
	String approve(@PathVariable ApplicationId id, @RequestParam(name = "bestaetigt", required = false) @Nullable String confirmed,
			SignedInUser clerk, RedirectAttributes redirect) {
		if (!"ja".equals(confirmed)) {
			throw Refusal.of("casework.approve.unconfirmed");
		}
		casework.approve(clerk, id);
		return done(id, redirect, "casework.approved");
	}

	@PostMapping("/backoffice/faelle/{id}/ablehnen")
	@OnRefusal(CASE)
	String reject(@PathVariable ApplicationId id, @RequestParam(name = "begruendung", required = false) @Nullable String reason,
			SignedInUser clerk, RedirectAttributes redirect) {
		try {
			casework.reject(clerk, id, reason == null ? "" : reason);
		}
		catch (Refusal refused) {
			throw refused.keeping("reason", reason);
		}
		return done(id, redirect, "casework.rejected");
	}

	/** Revokes an issued decision; the reason is shown to everyone who checks the decision. */
	@PostMapping("/backoffice/faelle/{id}/widerrufen")
	@OnRefusal(CASE)
	String revoke(@PathVariable ApplicationId id, @RequestParam(name = "grund", required = false) @Nullable String reason,
			SignedInUser clerk, RedirectAttributes redirect) {
		casework.revoke(clerk, id, reason == null ? "" : reason);
		return done(id, redirect, "seal.revoke.done");
	}

	private static String done(ApplicationId id, RedirectAttributes redirect, String success) {
		redirect.addFlashAttribute("notice", success);
		return "redirect:/backoffice/faelle/" + id;
	}

	@GetMapping("/backoffice/faelle/{id}/anlagen/{attachment}")
	ResponseEntity<byte[]> attachment(@PathVariable ApplicationId id, @PathVariable UUID attachment, SignedInUser clerk) {
		casework.visibleCase(clerk, id);
		StoredAttachment meta = store.attachments(id).stream().filter(a -> a.id().equals(attachment)).findFirst()
			.orElseThrow(ApplicationNotFound::new);
		return Downloads.attachment(store.attachmentContent(id, attachment).orElseThrow(ApplicationNotFound::new), meta.filename(), meta.mediaType());
	}

	@GetMapping("/backoffice/faelle/{id}/bescheid")
	ResponseEntity<byte[]> decision(@PathVariable ApplicationId id, SignedInUser clerk) {
		casework.visibleCase(clerk, id);
		var document = decisions.decisionOf(id).orElseThrow(ApplicationNotFound::new);
		return Downloads.attachment(document.content(), document.filename(), document.mediaType());
	}
}
