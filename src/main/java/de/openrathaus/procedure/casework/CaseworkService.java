// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.casework;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.Set;

import de.openrathaus.files.InputText;
import de.openrathaus.account.AccountDirectory;
import de.openrathaus.account.AccountId;
import de.openrathaus.account.DepartmentCode;
import de.openrathaus.account.SignedInUser;
import de.openrathaus.account.StaffRole;
import de.openrathaus.procedure.ApplicationId;
import de.openrathaus.procedure.DecisionIssued;
import de.openrathaus.procedure.DecisionOutcome;
import de.openrathaus.procedure.InformationRequested;
import de.openrathaus.personaldata.PersonalDataUse;
import de.openrathaus.procedure.application.AnswerFormatter;
import de.openrathaus.procedure.application.Application;
import de.openrathaus.procedure.application.ApplicationNotFound;
import de.openrathaus.procedure.application.ApplicationStatus;
import de.openrathaus.procedure.application.ApplicationStore;
import de.openrathaus.procedure.application.Transition;
import de.openrathaus.procedure.definition.ProcedureDefinition;
import de.openrathaus.procedure.definition.ProcedureTypes;
import de.openrathaus.files.PdfRenderer;
import de.openrathaus.procedure.workflow.Workflow;
import de.openrathaus.tenancy.RequestOrigin;
import de.openrathaus.tenancy.Tenants;
import de.openrathaus.seal.DecisionSeal;
import de.openrathaus.web.Refusal;
import de.openrathaus.files.Sha256;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The clerk's use cases. A clerk sees and works only cases of departments in which they hold the
 * CLERK role. Each action asks the {@link Application} for its transition (which refuses what its
 * state does not allow) and stores it with a guarded update, so a case cannot be claimed twice or
 * decided twice, even by two requests at once, and a refused action changes nothing.
 */
@Service
class CaseworkService {

	static final int TEXT_MAX = 4000;

	private final ApplicationStore store;
	private final ProcedureTypes types;
	private final Workflow workflow;
	private final DecisionStore decisions;
	private final Assessments assessments;
	private final AutomaticChecks checks;
	private final PdfRenderer renderer;
	private final AccountDirectory accounts;
	private final Tenants tenants;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final DecisionSeal seal;
	private final TransactionTemplate transactions;
	private final DecisionTexts texts;
	private final PersonalDataUse use;

	CaseworkService(ApplicationStore store, ProcedureTypes types, Workflow workflow, DecisionStore decisions,
			Assessments assessments, AutomaticChecks checks, PdfRenderer renderer, AccountDirectory accounts, Tenants tenants,
			ApplicationEventPublisher events, Clock clock, DecisionSeal seal, TransactionTemplate transactions, DecisionTexts texts,
			PersonalDataUse use) {
		this.use = use;
		this.clock = clock;
		this.texts = texts;
		this.seal = seal;
		this.transactions = transactions;
		this.store = store;
		this.types = types;
		this.workflow = workflow;
		this.decisions = decisions;
		this.assessments = assessments;
		this.checks = checks;
		this.renderer = renderer;
		this.accounts = accounts;
		this.tenants = tenants;
		this.events = events;
	}

	static Set<DepartmentCode> departmentsOf(SignedInUser clerk) {
		return clerk.departmentsWith(StaffRole.CLERK);
	}

	/** The case if the clerk's departments include its department; otherwise as if it did not exist. */
	@Transactional(readOnly = true)
	public Application visibleCase(SignedInUser clerk, ApplicationId id) {
		return store.find(id)
			.filter(a -> a.status() != ApplicationStatus.DRAFT && departmentsOf(clerk).contains(a.department()))
			.orElseThrow(ApplicationNotFound::new);
	}

	/** Records that the clerk opened the case: its answers and the applicant's data (the audit trail records it after commit). */
	public void viewed(SignedInUser clerk, Application application, String origin) {
		if (application.reference() != null) {
			use.read(clerk.displayName(), "case " + application.reference() + " (case work)", origin);
		}
	}

	ProcedureDefinition definitionOf(Application application) {
		return types.version(application.typeKey(), application.typeVersion()).orElseThrow();
	}

	@Transactional
	public void claim(SignedInUser clerk, ApplicationId id) {
		Transition<@Nullable Void> claimed = visibleCase(clerk, id).claim(clerk.id());
		store.saveOrRefuse(claimed);
		workflow.claim(id, clerk.id());
	}

	@Transactional
	public void requestInformation(SignedInUser clerk, ApplicationId id, String question) {
		Application application = visibleCase(clerk, id);
		String text = clean(question);
		if (text.isEmpty()) {
			throw Refusal.of("casework.question.required");
		}
		if (text.length() > TEXT_MAX) {
			throw Refusal.of("casework.text.tooLong");
		}
		Transition<InformationRequested> asked = application.requestInformation(clerk.id(), text, clock.instant(),
				RequestOrigin.currentOrNull());
		store.saveOrRefuse(asked);
		store.addExchange(id, text, clerk.id(), asked.event().requestedAt());
		workflow.requestInformation(id);
		events.publishEvent(asked.event());
	}

	/** What approving would compute, shown to the clerk before deciding. */
	@Transactional(readOnly = true)
	public Assessment preview(Application application) {
		return assessments.assess(application, definitionOf(application), LocalDate.now(clock));
	}

	/**
	 * Approves: the decision is rendered and sealed between two transactions (the seal may call a
	 * timestamp authority, never while a transaction holds a connection), then stored with a guarded
	 * update, so a concurrent decision refuses this one and nothing of it is kept.
	 */
	public void approve(SignedInUser clerk, ApplicationId id) {
		Prepared prepared = transactions.execute(status -> {
			Application application = visibleCase(clerk, id);
			ProcedureDefinition definition = definitionOf(application);
			return new Prepared(application, definition, assessments.assess(application, definition, LocalDate.now(clock)));
		});
		if (prepared.assessment().obstacle() != null) {
			throw Refusal.of(prepared.assessment().obstacle());
		}
		// the transition first: what the case's state does not allow is refused before anything is rendered or sealed
		Transition<DecisionIssued> decided = prepared.application().approve(clerk.id(),
				subject(prepared.definition(), prepared.application(), DecisionOutcome.APPROVED), clock.instant(), RequestOrigin.currentOrNull());
		issue(decided, prepared.definition(), null, prepared.assessment(), clerk.id(), clerkName(clerk), transition -> {
			store.saveOrRefuse(transition);
			return true;
		});
	}

	/** Rejects with the reason, rendered and sealed outside the transaction like {@link #approve}. */
	public void reject(SignedInUser clerk, ApplicationId id, String reason) {
		String text = clean(reason);
		if (text.isEmpty()) {
			throw Refusal.of("casework.reason.required");
		}
		if (text.length() > TEXT_MAX) {
			throw Refusal.of("casework.text.tooLong");
		}
		Prepared prepared = transactions.execute(status -> {
			Application application = visibleCase(clerk, id);
			return new Prepared(application, definitionOf(application), Assessment.NONE);
		});
		Transition<DecisionIssued> decided = prepared.application().reject(clerk.id(),
				subject(prepared.definition(), prepared.application(), DecisionOutcome.REJECTED), clock.instant(), RequestOrigin.currentOrNull());
		issue(decided, prepared.definition(), text, Assessment.NONE, clerk.id(), clerkName(clerk), transition -> {
			store.saveOrRefuse(transition);
			return true;
		});
	}

	private record Prepared(Application application, ProcedureDefinition definition, Assessment assessment) {
	}

	/** Revokes an issued decision with a reason the public check shows from now on. */
	public void revoke(SignedInUser clerk, ApplicationId id, String reason) {
		Application application = transactions.execute(status -> visibleCase(clerk, id));
		if (application.status() != ApplicationStatus.APPROVED && application.status() != ApplicationStatus.REJECTED) {
			throw Refusal.of("seal.revoke.notPossible");
		}
		seal.revoke(application.reference(), clean(reason), clerk.id(), clock.instant());
	}

	/**
	 * The automatic decision of a just submitted application whose procedure type allows one (see
	 * {@link Assessments#automaticObstacle}): approved by the system when its rule holds, otherwise left
	 * to the clerks with the reason recorded. Only a case nobody has taken is decided, and only once: the
	 * guarded update refuses if a clerk (or another run) came first, and the check is recorded with it.
	 * Rendering and sealing happen between the two transactions, as for a clerk's decision.
	 */
	public void decideAutomatically(ApplicationId id) {
		Prepared prepared = transactions.execute(status -> {
			Application application = store.find(id).orElse(null);
			if (application == null || application.status() != ApplicationStatus.SUBMITTED || application.assignee() != null) {
				return null;
			}
			ProcedureDefinition definition = definitionOf(application);
			if (!Assessments.decidesAutomatically(definition) || checks.of(id).isPresent()) {
				return null;
			}
			Instant now = clock.instant();
			Assessment assessment = assessments.assess(application, definition, LocalDate.ofInstant(now, clock.getZone()));
			String obstacle = assessments.automaticObstacle(application, definition, assessment);
			if (obstacle != null) {
				checks.record(id, definition.assessment(), AutomaticChecks.Outcome.REFERRED, obstacle, now);
				return null;
			}
			return new Prepared(application, definition, assessment);
		});
		if (prepared == null) {
			return;
		}
		Instant now = clock.instant();
		Transition<DecisionIssued> decided = prepared.application()
			.approveAutomatically(subject(prepared.definition(), prepared.application(), DecisionOutcome.APPROVED), now);
		issue(decided, prepared.definition(), null, prepared.assessment(), null, null, transition -> {
			if (!store.save(transition)) {
				return false; // a clerk took the case (or another run decided it) first
			}
			checks.record(id, prepared.definition().assessment(), AutomaticChecks.Outcome.APPROVED, "casework.automatic.approved", now);
			return true;
		});
	}

	private static String subject(ProcedureDefinition definition, Application application, DecisionOutcome outcome) {
		return (outcome == DecisionOutcome.APPROVED ? "Bescheid: " : "Ablehnung: ") + definition.title().de() + " ("
				+ application.reference() + ")";
	}

	private String clerkName(SignedInUser clerk) {
		return accounts.find(clerk.id()).map(AccountDirectory.AccountSummary::displayName).orElse(clerk.displayName());
	}

	/**
	 * Renders and seals the decision document outside any transaction (the seal may call a timestamp
	 * authority), then in one transaction stores the decided state through {@code save} (which refuses,
	 * or answers false to keep nothing), the document, its register entry, the case's process step and
	 * the event.
	 *
	 * @param decidedBy the clerk, or null for an automatic decision (which names no clerk)
	 */
	private void issue(Transition<DecisionIssued> decided, ProcedureDefinition definition, @Nullable String reason, Assessment assessment,
			@Nullable AccountId decidedBy, @Nullable String clerkName, Predicate<Transition<DecisionIssued>> save) {
		Application application = decided.before();
		DecisionOutcome outcome = decided.event().outcome();
		Instant now = decided.event().issuedAt();
		String template = outcome == DecisionOutcome.APPROVED ? definition.decisionTemplate() : "procedure/decisions/ablehnung";
		DecisionSeal.VerificationMark mark = seal.mark(application.reference());
		Map<String, Object> model = model(clerkName, application, definition, reason, assessment, now);
		model.put("verificationCode", mark.code());
		model.put("verificationQr", mark.qrCode());
		model.put("verificationPage", mark.url().substring(0, mark.url().indexOf('?')));
		PdfRenderer.Rendered rendered = renderer.renderWithText(template, model, Locale.GERMAN);
		byte[] document = seal.seal(rendered.pdf(), application.reference());
		String filename = "Bescheid-" + application.reference() + ".pdf";
		transactions.executeWithoutResult(status -> {
			if (!save.test(decided)) {
				return;
			}
			decisions.save(application.id(), outcome, reason, assessment.amountCents(), decidedBy, now, filename, document, rendered.text());
			seal.register(new DecisionSeal.SealedDecision(application.reference(), mark.code(), Sha256.hex(document),
					application.department().value(), now));
			workflow.decide(application.id(), outcome);
			events.publishEvent(decided.event());
		});
	}

	private Map<String, Object> model(@Nullable String clerk, Application application, ProcedureDefinition definition,
			@Nullable String reason, Assessment assessment, Instant now) {
		Map<String, Object> model = new HashMap<>(assessment.model());
		model.put("municipality", tenants.current().name());
		model.put("title", definition.title().de());
		model.put("reference", application.reference());
		model.put("data", application.data());
		model.put("sections", AnswerFormatter.sections(definition, application.data(), List.of(), Locale.GERMAN));
		model.put("issuedOn", now.atZone(clock.getZone()).format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
		model.put("submittedOn", application.submittedAt().atZone(clock.getZone()).format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
		// an automatic decision names no clerk; the document says it was issued automatically instead
		model.put("automatic", clerk == null);
		model.put("clerk", clerk == null ? "" : clerk);
		model.put("department", application.department().value());
		model.put("reason", reason == null ? "" : reason);
		// the municipality's own letterhead and remedy notice, where an administrator set them (else the template's)
		model.put("letterhead", texts.letterhead().orElse(null));
		model.put("remedy", (reason == null ? texts.remedy(application.typeKey()) : texts.remedy(DecisionTexts.REJECTIONS)).orElse(null));
		model.put("dueOn", now.atZone(clock.getZone()).toLocalDate().plusMonths(1).format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
		return model;
	}

	private static String clean(String text) {
		return InputText.nfc(text == null ? "" : text)
			.replaceAll("[\\p{Cc}&&[^\\n\\t]]", "").strip();
	}

}
