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
import de.openrathaus.web.Refusal;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

	CaseworkService(ApplicationStore store, ProcedureTypes types, Workflow workflow, DecisionStore decisions,
			Assessments assessments, AutomaticChecks checks, PdfRenderer renderer, AccountDirectory accounts, Tenants tenants,
			ApplicationEventPublisher events, Clock clock) {
		this.clock = clock;
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

	@Transactional
	public void approve(SignedInUser clerk, ApplicationId id) {
		Application application = visibleCase(clerk, id);
		ProcedureDefinition definition = definitionOf(application);
		Assessment assessment = assessments.assess(application, definition, LocalDate.now(clock));
		if (assessment.obstacle() != null) {
			throw Refusal.of(assessment.obstacle());
		}
		Transition<DecisionIssued> decided = application.approve(clerk.id(), subject(definition, application, DecisionOutcome.APPROVED),
				clock.instant(), RequestOrigin.currentOrNull());
		store.saveOrRefuse(decided);
		issue(decided, definition, null, assessment, clerk.id(), clerkName(clerk));
	}

	@Transactional
	public void reject(SignedInUser clerk, ApplicationId id, String reason) {
		Application application = visibleCase(clerk, id);
		String text = clean(reason);
		if (text.isEmpty()) {
			throw Refusal.of("casework.reason.required");
		}
		if (text.length() > TEXT_MAX) {
			throw Refusal.of("casework.text.tooLong");
		}
		ProcedureDefinition definition = definitionOf(application);
		Transition<DecisionIssued> decided = application.reject(clerk.id(), subject(definition, application, DecisionOutcome.REJECTED),
				clock.instant(), RequestOrigin.currentOrNull());
		store.saveOrRefuse(decided);
		issue(decided, definition, text, Assessment.NONE, clerk.id(), clerkName(clerk));
	}

	/**
	 * The automatic decision of a just submitted application whose procedure type allows one (see
	 * {@link Assessments#automaticObstacle}): approved by the system when its rule holds, otherwise left
	 * to the clerks with the reason recorded. Only a case nobody has taken is decided, and only once: the
	 * check is recorded first (a second run finds it), the guarded update refuses if a clerk came first.
	 */
	@Transactional
	public void decideAutomatically(ApplicationId id) {
		Application application = store.find(id).orElse(null);
		if (application == null || application.status() != ApplicationStatus.SUBMITTED || application.assignee() != null) {
			return;
		}
		ProcedureDefinition definition = definitionOf(application);
		if (!Assessments.decidesAutomatically(definition) || checks.of(id).isPresent()) {
			return;
		}
		Instant now = clock.instant();
		Assessment assessment = assessments.assess(application, definition, LocalDate.ofInstant(now, clock.getZone()));
		String obstacle = assessments.automaticObstacle(application, definition, assessment);
		if (obstacle != null) {
			checks.record(id, definition.assessment(), AutomaticChecks.Outcome.REFERRED, obstacle, now);
			return;
		}
		Transition<DecisionIssued> decided = application.approveAutomatically(subject(definition, application, DecisionOutcome.APPROVED), now);
		if (!store.save(decided)) {
			return; // a clerk took the case (or another run decided it) first
		}
		checks.record(id, definition.assessment(), AutomaticChecks.Outcome.APPROVED, "casework.automatic.approved", now);
		issue(decided, definition, null, assessment, null, null);
	}

	private static String subject(ProcedureDefinition definition, Application application, DecisionOutcome outcome) {
		return (outcome == DecisionOutcome.APPROVED ? "Bescheid: " : "Ablehnung: ") + definition.title().de() + " ("
				+ application.reference() + ")";
	}

	private String clerkName(SignedInUser clerk) {
		return accounts.find(clerk.id()).map(AccountDirectory.AccountSummary::displayName).orElse(clerk.displayName());
	}

	/**
	 * After the decided state is stored: renders and stores the decision document, completes the case's
	 * process and publishes the decision.
	 *
	 * @param decidedBy the clerk, or null for an automatic decision (which names no clerk)
	 */
	private void issue(Transition<DecisionIssued> decided, ProcedureDefinition definition, @Nullable String reason, Assessment assessment,
			@Nullable AccountId decidedBy, @Nullable String clerkName) {
		Application application = decided.before();
		DecisionOutcome outcome = decided.event().outcome();
		Instant now = decided.event().issuedAt();
		String template = outcome == DecisionOutcome.APPROVED ? definition.decisionTemplate() : "procedure/decisions/ablehnung";
		byte[] document = renderer.render(template, model(clerkName, application, definition, reason, assessment, now), Locale.GERMAN);
		String filename = "Bescheid-" + application.reference() + ".pdf";
		decisions.save(application.id(), outcome, reason, assessment.amountCents(), decidedBy, now, filename, document);
		workflow.decide(application.id(), outcome);
		events.publishEvent(decided.event());
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
		model.put("dueOn", now.atZone(clock.getZone()).toLocalDate().plusMonths(1).format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
		return model;
	}

	private static String clean(String text) {
		return InputText.nfc(text == null ? "" : text)
			.replaceAll("[\\p{Cc}&&[^\\n\\t]]", "").strip();
	}

}
