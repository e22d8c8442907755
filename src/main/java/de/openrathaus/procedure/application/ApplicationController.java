// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.application;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import de.openrathaus.account.FederatedSignIn;
import de.openrathaus.account.SignedInUser;
import de.openrathaus.procedure.ApplicationId;
import de.openrathaus.procedure.definition.ProcedureDefinition;
import de.openrathaus.procedure.definition.ProcedureTypes;
import de.openrathaus.procedure.definition.StepDefinition;
import de.openrathaus.procedure.definition.Violation;
import de.openrathaus.files.Downloads;
import de.openrathaus.web.OnRefusal;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import de.openrathaus.files.ScanVerdict;
import de.openrathaus.files.UploadScanner;
import org.springframework.web.multipart.MultipartRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.WebUtils;

/**
 * The citizen's applications: start, fill step by step, check, submit, follow, answer questions. A
 * procedure needing a higher trust level than this session's sign-in is never refused silently: a
 * new application shows the choice to sign in with BundID at that level; an existing draft keeps what
 * was posted and sends the citizen to BundID asking for the level, to come back to the same page.
 */
@Controller
@PreAuthorize("hasAuthority('portal:use')")
class ApplicationController {

	private final ApplicationService applications;
	private final ApplicationStore store;
	private final ProcedureTypes types;
	private final FormView forms;
	private final ReceiptDocument receipts;
	private final ProcedureErrors errors;
	private final FeeCheckout fees;
	private final PermitZone zones;
	private final FeeOnDecision feesOnDecision;

	private final UploadScanner scanner;

	ApplicationController(ApplicationService applications, ApplicationStore store, ProcedureTypes types, FormView forms,
			ReceiptDocument receipts, ProcedureErrors errors, FeeCheckout fees, PermitZone zones, FeeOnDecision feesOnDecision,
			UploadScanner scanner) {
		this.scanner = scanner;
		this.fees = fees;
		this.zones = zones;
		this.feesOnDecision = feesOnDecision;
		this.applications = applications;
		this.store = store;
		this.types = types;
		this.forms = forms;
		this.receipts = receipts;
		this.errors = errors;
	}

	/** Where {@link UploadSizeFilter} sends an upload it turned away. */
	@GetMapping(UploadSizeFilter.PAGE)
	String uploadTooLarge(@RequestParam(name = "zurueck", required = false) @Nullable String back, Model model,
			jakarta.servlet.http.HttpServletResponse response) {
		response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
		return errors.tooLargePage(back, model);
	}

	@GetMapping("/portal/antraege")
	String list(SignedInUser citizen, Model model) {
		List<Application> mine = store.listFor(Applicant.of(citizen));
		model.addAttribute("applications", mine);
		model.addAttribute("titles", titles(mine));
		return "procedure/applications";
	}

	private Map<ApplicationId, ProcedureDefinition> titles(List<Application> list) {
		Map<ApplicationId, ProcedureDefinition> titles = new HashMap<>();
		list.forEach(a -> titles.put(a.id(), applications.definitionOf(a)));
		return titles;
	}

	@GetMapping("/portal/antraege/neu")
	String begin(@RequestParam("leistung") String key, SignedInUser citizen, Model model) {
		ProcedureDefinition type = types.current(key).orElseThrow(ApplicationNotFound::new);
		model.addAttribute("service", type);
		if (!citizen.trustLevel().satisfies(type.trustLevel())) {
			return stepUpPage(type, model);
		}
		return "procedure/begin";
	}

	@PostMapping("/portal/antraege")
	String create(@RequestParam("leistung") String key, SignedInUser citizen, Model model) {
		ProcedureDefinition type = types.current(key).orElseThrow(ApplicationNotFound::new);
		if (!citizen.trustLevel().satisfies(type.trustLevel())) {
			model.addAttribute("service", type);
			return stepUpPage(type, model);
		}
		ApplicationId id = applications.start(citizen, type);
		return "redirect:/portal/antraege/" + id + "/schritt/" + type.firstStep().key();
	}

	@GetMapping("/portal/antraege/{id}")
	String show(@PathVariable ApplicationId id, SignedInUser citizen, Model model, Locale locale) {
		Application application = applications.owned(citizen, id);
		ProcedureDefinition definition = applications.definitionOf(application);
		if (application.status() == ApplicationStatus.DRAFT) {
			return "redirect:/portal/antraege/" + id + "/schritt/"
					+ definition.resumeStep(application.data(), applications.missing(application)).key();
		}
		List<StoredAttachment> attachments = store.attachments(id);
		model.addAttribute("antrag", application);
		model.addAttribute("service", definition);
		model.addAttribute("sections", AnswerFormatter.sections(definition, application.data(),
				attachments.stream().filter(a -> a.exchangeId() == null).toList(), locale));
		model.addAttribute("exchanges", store.exchanges(id));
		model.addAttribute("answerFiles", attachments.stream().filter(a -> a.exchangeId() != null).toList());
		model.addAttribute("answerAttachment", FormView.attachment(ApplicationService.ANSWER_FILES, List.of(), null, locale));
		model.addAttribute("maxAnswer", ApplicationService.ANSWER_MAX_LENGTH);
		model.addAttribute("withdrawable", application.status().canMoveTo(ApplicationStatus.WITHDRAWN));
		model.addAttribute("feeDue", feesOnDecision.requestOf(id).orElse(null));
		return "procedure/application";
	}

	@GetMapping("/portal/antraege/{id}/schritt/{step}")
	String step(@PathVariable ApplicationId id, @PathVariable("step") String stepKey, SignedInUser citizen, Model model,
			Locale locale) {
		Application application = applications.owned(citizen, id);
		if (application.status() != ApplicationStatus.DRAFT) {
			return "redirect:/portal/antraege/" + id;
		}
		ProcedureDefinition definition = applications.definitionOf(application);
		StepDefinition step = visibleStep(definition, application, stepKey);
		if (!citizen.trustLevel().satisfies(definition.trustLevel())) {
			return stepUp(definition, "/portal/antraege/" + id + "/schritt/" + stepKey);
		}
		showStep(model, application, definition, step, application.data(), List.of(), Prefill.of(definition, citizen), locale);
		return "procedure/step";
	}

	/** The page offering a sign-in at the procedure's level, coming back to start it. */
	private static String stepUpPage(ProcedureDefinition type, Model model) {
		model.addAttribute("stepUpUrl", FederatedSignIn.bundIdStart(type.trustLevel(), "/portal/antraege/neu?leistung=" + type.key()));
		return "procedure/step-up";
	}

	/** To BundID asking for the procedure's level, and back to the same page (the draft is stored). */
	private static String stepUp(ProcedureDefinition definition, String page) {
		return "redirect:" + FederatedSignIn.bundIdStart(definition.trustLevel(), page);
	}

	@PostMapping("/portal/antraege/{id}/schritt/{step}")
	String saveStep(@PathVariable ApplicationId id, @PathVariable("step") String stepKey,
			@RequestParam MultiValueMap<String, String> form, HttpServletRequest request, SignedInUser citizen,
			Model model, Locale locale, RedirectAttributes redirect) {
		Application application = applications.owned(citizen, id);
		if (application.status() != ApplicationStatus.DRAFT) {
			return "redirect:/portal/antraege/" + id;
		}
		ProcedureDefinition definition = applications.definitionOf(application);
		StepDefinition step = visibleStep(definition, application, stepKey);
		String remove = form.getFirst("entfernen");
		if (remove != null) {
			applications.removeAttachment(citizen, application, UUID.fromString(remove));
			redirect.addFlashAttribute("notice", "step.removed");
			return "redirect:/portal/antraege/" + id + "/schritt/" + stepKey;
		}
		String action = Optional.ofNullable(form.getFirst("aktion")).orElse("weiter");
		// a session below the procedure's level keeps what was posted as a draft, then steps up
		boolean levelTooLow = !citizen.trustLevel().satisfies(definition.trustLevel());
		boolean complete = action.equals("weiter") && !levelTooLow;
		Map<String, String> raw = new HashMap<>();
		step.fields().forEach(f -> raw.put(f.key(), form.getFirst(f.key())));
		List<Upload> uploads = uploads(request);
		List<Violation> unsafe = scanned(uploads);
		if (!unsafe.isEmpty()) {
			// nothing of this post is kept: the citizen sees why and posts again without the file (or later)
			Map<String, String> data = new HashMap<>(application.data());
			raw.forEach((key, value) -> {
				if (value != null) {
					data.put(key, value);
				}
			});
			showStep(model, application, definition, step, data, unsafe, Prefill.of(definition, citizen), locale);
			return "procedure/step";
		}
		StepOutcome outcome = applications.saveStep(citizen, application, step, raw, uploads, complete);
		if (!outcome.stored()) {
			Map<String, String> data = new HashMap<>(application.data());
			data.putAll(outcome.values());
			showStep(model, application, definition, step, data, outcome.violations(), Prefill.of(definition, citizen), locale);
			return "procedure/step";
		}
		if (levelTooLow) {
			return stepUp(definition, "/portal/antraege/" + id + "/schritt/" + stepKey);
		}
		if (action.equals("entwurf")) {
			redirect.addFlashAttribute("notice", "step.draftSaved");
			return "redirect:/portal/antraege";
		}
		if (action.equals("hochladen")) {
			redirect.addFlashAttribute("notice", "step.uploaded");
			return "redirect:/portal/antraege/" + id + "/schritt/" + stepKey;
		}
		Application saved = applications.owned(citizen, id);
		return definition.after(stepKey, saved.data())
			.map(next -> "redirect:/portal/antraege/" + id + "/schritt/" + next.key())
			.orElse("redirect:/portal/antraege/" + id + "/pruefen");
	}

	private static StepDefinition visibleStep(ProcedureDefinition definition, Application application, String stepKey) {
		return definition.visibleStep(stepKey, application.data()).orElseThrow(ApplicationNotFound::new);
	}

	private void showStep(Model model, Application application, ProcedureDefinition definition, StepDefinition step,
			Map<String, String> data, List<Violation> violations, Prefill prefill, Locale locale) {
		List<StepDefinition> visible = definition.visibleSteps(data);
		model.addAttribute("antrag", application);
		model.addAttribute("service", definition);
		model.addAttribute("step", step);
		model.addAttribute("stepNumber", visible.indexOf(step) + 1);
		model.addAttribute("stepCount", visible.size());
		model.addAttribute("previous", definition.before(step.key(), data).map(StepDefinition::key).orElse(null));
		model.addAttribute("errors", forms.errors(definition, violations, locale));
		model.addAttribute("fields", forms.fields(definition, step, data, data, violations, prefill, locale));
		model.addAttribute("attachments", forms.attachments(step, data, store.attachments(application.id()), violations, locale));
	}

	/**
	 * The malware check of the posted files, before anything is stored and outside any transaction: an
	 * infected file or one that could not be checked is named back to the citizen, and nothing is kept.
	 */
	private List<Violation> scanned(List<Upload> uploads) {
		List<Violation> unsafe = new ArrayList<>();
		for (Upload upload : uploads) {
			ScanVerdict verdict = scanner.scan(upload.content(), "procedure.attachment");
			if (!verdict.accepted()) {
				String code = verdict.outcome() == ScanVerdict.Outcome.INFECTED ? "validation.upload.infected" : "validation.upload.unchecked";
				unsafe.add(Violation.of(upload.fieldKey(), code, upload.fieldKey(), de.openrathaus.files.Filenames.clean(upload.originalFilename())));
			}
		}
		return unsafe;
	}

	private static List<Upload> uploads(HttpServletRequest request) {
		MultipartRequest multipart = WebUtils.getNativeRequest(request, MultipartRequest.class);
		if (multipart == null) {
			return List.of();
		}
		List<Upload> uploads = new ArrayList<>();
		multipart.getMultiFileMap().forEach((key, files) -> {
			for (MultipartFile file : files) {
				if (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) {
					continue;
				}
				try {
					uploads.add(new Upload(key, file.getOriginalFilename(), file.getBytes()));
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}
		});
		return uploads;
	}

	@GetMapping("/portal/antraege/{id}/pruefen")
	String summary(@PathVariable ApplicationId id, SignedInUser citizen, Model model, Locale locale) {
		Application application = applications.owned(citizen, id);
		if (application.status() != ApplicationStatus.DRAFT) {
			return "redirect:/portal/antraege/" + id;
		}
		ProcedureDefinition definition = applications.definitionOf(application);
		if (!citizen.trustLevel().satisfies(definition.trustLevel())) {
			return stepUp(definition, "/portal/antraege/" + id + "/pruefen");
		}
		showSummary(model, application, List.of(), locale);
		return "procedure/summary";
	}

	private void showSummary(Model model, Application application, List<Violation> violations, Locale locale) {
		ProcedureDefinition definition = applications.definitionOf(application);
		model.addAttribute("antrag", application);
		model.addAttribute("service", definition);
		model.addAttribute("steps", definition.visibleSteps(application.data()));
		model.addAttribute("sections", AnswerFormatter.sections(definition, application.data(), store.attachments(application.id()), locale));
		List<FormView.ErrorItem> errors = new ArrayList<>();
		for (Violation v : violations) {
			String step = definition.stepAsking(v.target(), application.data()).map(StepDefinition::key).orElse("");
			errors.add(new FormView.ErrorItem("/portal/antraege/" + application.id() + "/schritt/" + step + "#"
					+ FormView.domId(definition, v.target()), forms.message(v, locale)));
		}
		model.addAttribute("errors", errors);
		if (definition.fee() != null && definition.fee().paidBeforeSubmission()) {
			model.addAttribute("fee", definition.fee().calculate(application.data()));
		}
		// the resident parking zone is derived from the address, not asked: the citizen sees it before paying
		model.addAttribute("zone", zones.of(definition, application.data()).orElse(null));
	}

	@PostMapping("/portal/antraege/{id}/absenden")
	String submit(@PathVariable ApplicationId id, SignedInUser citizen, Model model, Locale locale) {
		Application draft = applications.owned(citizen, id);
		ProcedureDefinition definition = applications.definitionOf(draft);
		if (draft.status() == ApplicationStatus.DRAFT && !citizen.trustLevel().satisfies(definition.trustLevel())) {
			return stepUp(definition, "/portal/antraege/" + id + "/pruefen");
		}
		SubmitOutcome outcome;
		try {
			outcome = applications.submit(citizen, id);
		}
		catch (ConcurrentSubmission e) {
			return "redirect:/portal/antraege/" + id + "/eingangsbestaetigung";
		}
		if (outcome instanceof SubmitOutcome.Incomplete(List<Violation> violations)) {
			showSummary(model, applications.owned(citizen, id), violations, locale);
			return "procedure/summary";
		}
		if (outcome instanceof SubmitOutcome.PaymentRequired) {
			return switch (fees.begin(citizen, id)) {
				case de.openrathaus.payment.Payments.RedirectToProvider(var payment, var page) -> "redirect:" + page;
				case de.openrathaus.payment.Payments.AlreadyPaid paid -> "redirect:/portal/antraege/" + id + "/zahlung";
				case de.openrathaus.payment.Payments.ProviderUnavailable down -> {
					showSummary(model, applications.owned(citizen, id), List.of(), locale);
					model.addAttribute("paymentNotice", "payment.unavailable");
					yield "procedure/summary";
				}
			};
		}
		return "redirect:/portal/antraege/" + id + "/eingangsbestaetigung";
	}

	/**
	 * Where the citizen lands after the payment page: submitted (on to the receipt), paid and being
	 * submitted, still being checked, or not paid (back to the summary to try again).
	 */
	@GetMapping("/portal/antraege/{id}/zahlung")
	String payment(@PathVariable ApplicationId id, SignedInUser citizen, Model model, Locale locale) {
		Application application = applications.owned(citizen, id);
		if (application.status() != ApplicationStatus.DRAFT) {
			return "redirect:/portal/antraege/" + id + "/eingangsbestaetigung";
		}
		List<de.openrathaus.payment.Payments.PaymentView> paid = fees.payments(id);
		de.openrathaus.payment.PaymentStatus latest = paid.isEmpty() ? null : paid.getFirst().status();
		if (latest == null || latest == de.openrathaus.payment.PaymentStatus.FAILED
				|| latest == de.openrathaus.payment.PaymentStatus.CANCELLED) {
			showSummary(model, application, List.of(), locale);
			model.addAttribute("paymentNotice", latest == null ? null
					: latest == de.openrathaus.payment.PaymentStatus.CANCELLED ? "payment.cancelled" : "payment.failed");
			return "procedure/summary";
		}
		model.addAttribute("antrag", application);
		model.addAttribute("service", applications.definitionOf(application));
		model.addAttribute("payment", paid.getFirst());
		return "procedure/payment";
	}

	@GetMapping("/portal/antraege/{id}/eingangsbestaetigung")
	String receipt(@PathVariable ApplicationId id, SignedInUser citizen, Model model) {
		Application application = submitted(citizen, id);
		model.addAttribute("antrag", application);
		model.addAttribute("service", applications.definitionOf(application));
		return "procedure/receipt";
	}

	@GetMapping("/portal/antraege/{id}/eingangsbestaetigung.pdf")
	ResponseEntity<byte[]> receiptPdf(@PathVariable ApplicationId id, SignedInUser citizen, Locale locale) {
		Application application = submitted(citizen, id);
		byte[] pdf = receipts.render(application, applications.definitionOf(application), store.attachments(id), locale);
		return Downloads.attachment(pdf, "Eingangsbestaetigung-" + application.reference() + ".pdf", MediaType.APPLICATION_PDF_VALUE);
	}

	private Application submitted(SignedInUser citizen, ApplicationId id) {
		Application application = applications.owned(citizen, id);
		if (application.reference() == null) {
			throw new ApplicationNotFound();
		}
		return application;
	}

	@GetMapping("/portal/antraege/{id}/anlagen/{attachment}")
	ResponseEntity<byte[]> attachment(@PathVariable ApplicationId id, @PathVariable UUID attachment, SignedInUser citizen) {
		applications.owned(citizen, id);
		StoredAttachment meta = store.attachments(id).stream().filter(a -> a.id().equals(attachment)).findFirst()
			.orElseThrow(ApplicationNotFound::new);
		byte[] content = store.attachmentContent(id, attachment).orElseThrow(ApplicationNotFound::new);
		return Downloads.attachment(content, meta.filename(), meta.mediaType());
	}

	@PostMapping("/portal/antraege/{id}/antwort")
	@OnRefusal(value = "/portal/antraege/{id}", flash = "notice")
	String answer(@PathVariable ApplicationId id, @RequestParam(name = "antwort", required = false) @Nullable String answer,
			HttpServletRequest request, SignedInUser citizen, Model model, Locale locale, RedirectAttributes redirect) {
		List<Violation> violations;
		List<Upload> uploads = uploads(request);
		violations = scanned(uploads);
		if (violations.isEmpty()) {
			violations = applications.answer(citizen, id, answer == null ? "" : answer, uploads);
		}
		if (!violations.isEmpty()) {
			show(id, citizen, model, locale);
			model.addAttribute("answer", answer);
			model.addAttribute("errors", violations.stream().map(v -> new FormView.ErrorItem(
					v.target().equals("antwort") ? "#f-antwort" : "#a-antwort-anlagen", forms.message(v, locale))).toList());
			return "procedure/application";
		}
		redirect.addFlashAttribute("notice", "application.answer.sent");
		return "redirect:/portal/antraege/" + id;
	}

	/** Withdrawing ends the case at once, so the citizen confirms it in the same form (works without JavaScript). */
	@PostMapping("/portal/antraege/{id}/zurueckziehen")
	@OnRefusal(value = "/portal/antraege/{id}", flash = "notice")
	String withdraw(@PathVariable ApplicationId id, @RequestParam(name = "bestaetigt", required = false) @Nullable String confirmed,
			SignedInUser citizen, Model model, Locale locale, RedirectAttributes redirect) {
		if (!"ja".equals(confirmed)) {
			String page = show(id, citizen, model, locale);
			model.addAttribute("errors", List.of(new FormView.ErrorItem("#bestaetigt-zurueckziehen",
					forms.message(Violation.of("bestaetigt", "application.withdraw.unconfirmed"), locale))));
			return page;
		}
		applications.withdraw(citizen, id);
		redirect.addFlashAttribute("notice", "application.withdrawn");
		return "redirect:/portal/antraege/" + id;
	}

	@PostMapping("/portal/antraege/{id}/loeschen")
	String discard(@PathVariable ApplicationId id, SignedInUser citizen, RedirectAttributes redirect) {
		applications.discardDraft(citizen, id);
		redirect.addFlashAttribute("notice", "applications.discarded");
		return "redirect:/portal/antraege";
	}
}
