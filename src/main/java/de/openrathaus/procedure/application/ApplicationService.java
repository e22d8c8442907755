// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import de.openrathaus.account.SignedInUser;
import de.openrathaus.account.TrustLevel;
import de.openrathaus.procedure.ApplicationId;
import de.openrathaus.procedure.ApplicationSubmitted;
import de.openrathaus.procedure.ApplicationWithdrawn;
import de.openrathaus.procedure.InformationProvided;
import de.openrathaus.procedure.definition.AttachmentDefinition;
import de.openrathaus.procedure.definition.FieldDefinition;
import de.openrathaus.procedure.definition.FieldRules;
import de.openrathaus.procedure.definition.ProcedureDefinition;
import de.openrathaus.procedure.definition.ProcedureTypes;
import de.openrathaus.procedure.definition.StepDefinition;
import de.openrathaus.procedure.definition.Text;
import de.openrathaus.procedure.definition.UploadRules;
import de.openrathaus.procedure.definition.Violation;
import de.openrathaus.procedure.workflow.Workflow;
import de.openrathaus.tenancy.RequestOrigin;
import de.openrathaus.tenancy.TenantContext;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The citizen's use cases. Every method takes the signed-in citizen and finds the application only
 * among theirs. A step, a submission or an answer is stored completely or not at all.
 */
@Service
public class ApplicationService {

	/** Files a citizen may add to an answer to a request for information. */
	static final AttachmentDefinition ANSWER_FILES = new AttachmentDefinition("antwort.anlagen",
			new Text("Anlagen zur Antwort", "Files for the answer"), null, false,
			List.of("application/pdf", "image/jpeg", "image/png"), 5 * 1024 * 1024, 3, null);

	static final int ANSWER_MAX_LENGTH = 4000;

	private final ApplicationStore store;
	private final ProcedureTypes types;
	private final ReferenceNumbers references;
	private final Workflow workflow;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final de.openrathaus.payment.Payments payments;

	ApplicationService(ApplicationStore store, ProcedureTypes types, ReferenceNumbers references, Workflow workflow,
			ApplicationEventPublisher events, Clock clock, de.openrathaus.payment.Payments payments) {
		this.clock = clock;
		this.payments = payments;
		this.store = store;
		this.types = types;
		this.references = references;
		this.workflow = workflow;
		this.events = events;
	}

	/** Starts a draft with the current version of the procedure type. */
	@Transactional
	public ApplicationId start(SignedInUser citizen, ProcedureDefinition type) {
		if (!citizen.trustLevel().satisfies(type.trustLevel())) {
			throw new IllegalStateException("trust level too low for " + type.key());
		}
		ApplicationId id = ApplicationId.random();
		store.createDraft(id, Applicant.of(citizen), type.key(), type.version(), type.departmentCode());
		return id;
	}

	@Transactional(readOnly = true)
	public Application owned(SignedInUser citizen, ApplicationId id) {
		return store.findOwned(id, Applicant.of(citizen)).orElseThrow(ApplicationNotFound::new);
	}

	public ProcedureDefinition definitionOf(Application application) {
		return types.version(application.typeKey(), application.typeVersion())
			.orElseThrow(() -> new IllegalStateException("Procedure type version missing: " + application.typeKey()));
	}

	/**
	 * Stores the answers and uploads of one step. With {@code complete} the step's rules are checked
	 * (continue); without, only what can never be stored is refused (save as draft). Either way a
	 * bad upload stops the whole step: nothing is stored. Answers the session's identity provider
	 * vouched for are taken from it where the procedure's level locks them, whatever was posted.
	 */
	@Transactional
	public StepOutcome saveStep(SignedInUser citizen, Application application, StepDefinition step,
			Map<String, String> posted, List<Upload> uploads, boolean complete) {
		ProcedureDefinition definition = definitionOf(application);
		Map<String, String> rawValues = Prefill.of(definition, citizen).enforce(posted);
		Map<String, String> data = new HashMap<>(application.data());
		Map<String, String> values = new HashMap<>();
		for (FieldDefinition field : step.fields()) {
			String value = FieldRules.normalise(field, rawValues.get(field.key()));
			values.put(field.key(), value);
			if (value.isEmpty()) {
				data.remove(field.key());
			}
			else {
				data.put(field.key(), value);
			}
		}
		LocalDate today = LocalDate.now(clock);
		List<Violation> violations = new ArrayList<>();
		for (FieldDefinition field : step.fields()) {
			if (!definition.isAsked(field.key(), data)) {
				continue;
			}
			List<Violation> found = FieldRules.check(field, values.get(field.key()), data, today);
			if (complete) {
				violations.addAll(found);
			}
			else {
				found.stream().filter(v -> v.code().equals("validation.tooLong")).forEach(violations::add);
			}
		}
		List<StoredAttachment> existing = store.attachments(application.id());
		List<NewUpload> accepted = new ArrayList<>();
		for (AttachmentDefinition attachment : step.attachments()) {
			checkUploads(attachment, uploads, existing, accepted, violations);
			long count = existing.stream().filter(a -> a.fieldKey().equals(attachment.key())).count()
					+ accepted.stream().filter(a -> a.fieldKey().equals(attachment.key())).count();
			if (complete && attachment.required() && count == 0 && definition.isAsked(attachment.key(), data)
					&& violations.stream().noneMatch(v -> v.target().equals(attachment.key()))) {
				violations.add(Violation.of(attachment.key(), "validation.upload.required", attachment.label()));
			}
		}
		if (!violations.isEmpty()) {
			return new StepOutcome(violations, values);
		}
		if (!store.updateDraft(application.id(), Applicant.of(citizen), data)) {
			throw new ApplicationNotEditable();
		}
		accepted.forEach(upload -> store.addAttachment(application.id(), null, upload));
		return new StepOutcome(List.of(), values);
	}

	private static void checkUploads(AttachmentDefinition attachment, List<Upload> uploads, List<StoredAttachment> existing,
			List<NewUpload> accepted, List<Violation> violations) {
		int count = (int) existing.stream().filter(a -> a.fieldKey().equals(attachment.key())).count();
		for (Upload upload : uploads) {
			if (!upload.fieldKey().equals(attachment.key())) {
				continue;
			}
			String filename = de.openrathaus.files.Filenames.clean(upload.originalFilename());
			String type = upload.content().length == 0 ? "" : de.openrathaus.files.MediaTypes.detect(upload.content(), filename);
			List<Violation> found = UploadRules.check(attachment, filename, upload.content(), type, count);
			if (found.isEmpty()) {
				accepted.add(new NewUpload(attachment.key(), filename, type, upload.content()));
				count++;
			}
			violations.addAll(found);
		}
	}

	@Transactional
	public void removeAttachment(SignedInUser citizen, Application application, UUID attachmentId) {
		if (!store.removeDraftAttachment(application.id(), Applicant.of(citizen), attachmentId)) {
			throw new ApplicationNotFound();
		}
	}

	@Transactional
	public void discardDraft(SignedInUser citizen, ApplicationId id) {
		if (!store.deleteDraft(id, Applicant.of(citizen))) {
			throw new ApplicationNotFound();
		}
	}

	/** Everything the citizen still has to answer before the application can be submitted. */
	@Transactional(readOnly = true)
	public List<Violation> missing(Application application) {
		ProcedureDefinition definition = definitionOf(application);
		Map<String, String> data = application.data();
		LocalDate today = LocalDate.now(clock);
		Set<String> stored = store.attachments(application.id()).stream().map(StoredAttachment::fieldKey)
			.collect(Collectors.toSet());
		List<Violation> violations = new ArrayList<>();
		for (StepDefinition step : definition.visibleSteps(data)) {
			for (FieldDefinition field : step.fields()) {
				if (definition.isAsked(field.key(), data)) {
					violations.addAll(FieldRules.check(field, data.getOrDefault(field.key(), ""), data, today));
				}
			}
			for (AttachmentDefinition attachment : step.attachments()) {
				if (attachment.required() && definition.isAsked(attachment.key(), data) && !stored.contains(attachment.key())) {
					violations.add(Violation.of(attachment.key(), "validation.upload.required", attachment.label()));
				}
			}
		}
		return violations;
	}

	/**
	 * Submits a complete draft: one reference number, one case, one event, however often the
	 * citizen presses the button. Answers and files of questions no longer asked are dropped; answers
	 * the procedure's level locks are the ones the session's identity provider vouched for; the level of
	 * this session's sign-in is recorded with the application. A type whose fee is paid before
	 * submission answers {@link SubmitOutcome.PaymentRequired} until a payment for this application is
	 * settled; the draft stays a draft.
	 */
	@Transactional
	public SubmitOutcome submit(SignedInUser citizen, ApplicationId id) {
		Application found = owned(citizen, id);
		Application application = found.withData(Prefill.of(definitionOf(found), citizen).enforceAll(definitionOf(found), found.data()));
		if (application.status() != ApplicationStatus.DRAFT) {
			return new SubmitOutcome.AlreadySubmitted(application.reference());
		}
		ProcedureDefinition definition = definitionOf(application);
		if (!citizen.trustLevel().satisfies(definition.trustLevel())) {
			throw new IllegalStateException("trust level too low for " + definition.key());
		}
		List<Violation> missing = missing(application);
		if (!missing.isEmpty()) {
			return new SubmitOutcome.Incomplete(missing);
		}
		if (definition.fee() != null && definition.fee().paidBeforeSubmission() && !feePaid(id)) {
			return new SubmitOutcome.PaymentRequired(definition.fee().calculate(application.data()));
		}
		return submitNow(application, definition, Applicant.of(citizen), citizen.trustLevel());
	}

	// --- payment before submission (issue 12): the settled payment completes the submission, once

	/** Whether a payment for this application is settled (the payment module's record, read in this transaction). */
	private boolean feePaid(ApplicationId id) {
		return payments.of(FeeCheckout.subject(id)).stream()
			.anyMatch(p -> p.status() == de.openrathaus.payment.PaymentStatus.SETTLED);
	}

	/**
	 * The fee of a draft is paid: submit it for its applicant. Nothing happens when it is no longer a
	 * draft (a repeated event, or the citizen was quicker); a draft that is not complete any more stays
	 * a draft and is submitted without paying again once completed.
	 */
	@Transactional
	public void submitPaid(ApplicationId id) {
		Application application = store.find(id).orElseThrow(ApplicationNotFound::new);
		if (application.status() != ApplicationStatus.DRAFT) {
			return;
		}
		if (!missing(application).isEmpty()) {
			org.slf4j.LoggerFactory.getLogger(ApplicationService.class).warn("Application {} paid but incomplete: stays a draft", id);
			return;
		}
		// submitted by the payment's confirmation, without the citizen's session: the citizen reached the
		// payment only at the procedure's level or above, so that level is what is recorded
		ProcedureDefinition definition = definitionOf(application);
		submitNow(application, definition, new Applicant(application.applicant(), application.organisation()), definition.trustLevel());
	}

	private SubmitOutcome.Submitted submitNow(Application application, ProcedureDefinition definition, Applicant who, TrustLevel level) {
		ApplicationId id = application.id();
		Map<String, String> data = application.data().entrySet().stream()
			.filter(e -> definition.isAsked(e.getKey(), application.data()))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		Instant now = clock.instant();
		Transition<Application.Submitted> submitted = application.submit(who, data, level, now);
		if (!store.submit(id, who, submitted.after().data(), level, now)) {
			throw new ConcurrentSubmission();
		}
		store.removeAttachmentsExcept(id, definition.steps().stream().flatMap(s -> s.attachments().stream())
			.map(AttachmentDefinition::key).filter(key -> definition.isAsked(key, data)).toList());
		store.recordWorkflow(id, workflow.start(definition.workflow(), id, definition.departmentCode()));
		// the reference number last: its counter row stays locked until commit, so submissions wait on
		// each other only for the final statements, not for the whole transaction
		String reference = references.next(definition.referencePrefix(), now);
		store.assignReference(id, reference);
		events.publishEvent(submitted.event().withReference(reference, RequestOrigin.currentOrNull()));
		return new SubmitOutcome.Submitted(reference);
	}

	/**
	 * The citizen answers the open request for information; the case returns to the clerk. Refused
	 * with {@link de.openrathaus.web.Refusal} when no question is open; a bad answer or file is refused with
	 * the violations. Either way nothing is stored.
	 */
	@Transactional
	public List<Violation> answer(SignedInUser citizen, ApplicationId id, String rawAnswer, List<Upload> uploads) {
		Application application = owned(citizen, id);
		Transition<InformationProvided> answered = application.answer(Applicant.of(citizen), clock.instant());
		StoredExchange open = store.exchanges(id).stream().filter(StoredExchange::isOpen).findFirst()
			.orElseThrow(answered::lostRace);
		String answer = FieldRules.normalise(ANSWER_FIELD, rawAnswer);
		List<Violation> violations = new ArrayList<>(FieldRules.check(ANSWER_FIELD, answer, Map.of(), LocalDate.now(clock)));
		List<NewUpload> accepted = new ArrayList<>();
		checkUploads(ANSWER_FILES, uploads, List.of(), accepted, violations);
		if (!violations.isEmpty()) {
			return violations;
		}
		store.saveOrRefuse(answered);
		if (!store.answerExchange(id, open.id(), answer, answered.event().answeredAt())) {
			throw answered.lostRace();
		}
		accepted.forEach(upload -> store.addAttachment(id, open.id(), upload));
		workflow.informationProvided(id, answered.after().assignee());
		events.publishEvent(answered.event());
		return List.of();
	}

	/** The applicant withdraws a submitted application not yet decided; its case ends without a decision. */
	@Transactional
	public void withdraw(SignedInUser citizen, ApplicationId id) {
		Transition<ApplicationWithdrawn> withdrawn = owned(citizen, id).withdraw(Applicant.of(citizen), clock.instant());
		store.saveOrRefuse(withdrawn);
		workflow.withdraw(id);
		events.publishEvent(withdrawn.event());
	}

	static final FieldDefinition ANSWER_FIELD = new FieldDefinition("antwort", de.openrathaus.procedure.definition.FieldType.TEXTAREA,
			new Text("Ihre Antwort", "Your answer"), null, true, null, ANSWER_MAX_LENGTH, null, null, null, false, null,
			null, null, null, null);
}
