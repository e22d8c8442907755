// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.application;

import static de.openrathaus.procedure.application.ApplicationStatus.APPROVED;
import static de.openrathaus.procedure.application.ApplicationStatus.DRAFT;
import static de.openrathaus.procedure.application.ApplicationStatus.INFORMATION_REQUESTED;
import static de.openrathaus.procedure.application.ApplicationStatus.IN_PROGRESS;
import static de.openrathaus.procedure.application.ApplicationStatus.REJECTED;
import static de.openrathaus.procedure.application.ApplicationStatus.SUBMITTED;
import static de.openrathaus.procedure.application.ApplicationStatus.WITHDRAWN;

import java.time.Instant;
import java.util.Map;

import de.openrathaus.account.AccountId;
import de.openrathaus.account.DepartmentCode;
import de.openrathaus.account.OrganisationId;
import de.openrathaus.account.TrustLevel;
import de.openrathaus.procedure.ApplicationId;
import de.openrathaus.procedure.ApplicationSubmitted;
import de.openrathaus.procedure.ApplicationWithdrawn;
import de.openrathaus.procedure.DecisionIssued;
import de.openrathaus.procedure.DecisionOutcome;
import de.openrathaus.procedure.InformationProvided;
import de.openrathaus.procedure.InformationRequested;
import de.openrathaus.tenancy.TenantId;
import de.openrathaus.web.Refusal;

import org.jspecify.annotations.Nullable;

/**
 * An application as stored: its procedure type version, answers and state. Its submission and case work change
 * state only through the methods below; each checks that the application's state (and, for a
 * clerk's action, its assignee) allows the change, refuses with {@link Refusal} (409 in an API) otherwise,
 * and returns the {@link Transition} with the event to publish once it is stored.
 *
 * @param applicant      the person who started it
 * @param organisation   the organisation it belongs to (made by a person acting for it), or null
 * @param submittedLevel the trust level of the sign-in it was submitted with; null while a draft
 */
public record Application(ApplicationId id, TenantId tenant, AccountId applicant, String typeKey, int typeVersion,
		DepartmentCode department, ApplicationStatus status, Map<String, String> data, @Nullable String reference,
		Instant createdAt, Instant updatedAt, @Nullable Instant submittedAt, @Nullable AccountId assignee,
		@Nullable String workflowInstance, @Nullable OrganisationId organisation, @Nullable TrustLevel submittedLevel) {

	static final String CLAIMED = "casework.refused.claimed";
	static final String NOT_YOURS = "casework.refused.notYours";
	static final String NO_QUESTION_OPEN = "application.answer.notOpen";
	static final String NOT_WITHDRAWABLE = "application.withdraw.closed";
	static final String NOT_A_DRAFT = "application.submit.notDraft";

	public Application {
		data = Map.copyOf(data);
	}

	/** A personal application (not an organisation's) of this person. */
	public Application(ApplicationId id, TenantId tenant, AccountId applicant, String typeKey, int typeVersion,
			DepartmentCode department, ApplicationStatus status, Map<String, String> data, @Nullable String reference,
			Instant createdAt, Instant updatedAt, @Nullable Instant submittedAt, @Nullable AccountId assignee,
			@Nullable String workflowInstance) {
		this(id, tenant, applicant, typeKey, typeVersion, department, status, data, reference, createdAt, updatedAt, submittedAt,
				assignee, workflowInstance, null, null);
	}

	/** The same application with other answers (not stored by this). */
	Application withData(Map<String, String> answers) {
		return new Application(id, tenant, applicant, typeKey, typeVersion, department, status, answers, reference, createdAt,
				updatedAt, submittedAt, assignee, workflowInstance, organisation, submittedLevel);
	}

	/** Whether this is a personal application of this person. */
	public boolean belongsTo(AccountId account) {
		return organisation == null && applicant.equals(account);
	}

	/** Whether the applicant may see and change it: their personal one, or one of the organisation they act for. */
	public boolean isOpenTo(Applicant who) {
		return organisation != null ? organisation.equals(who.organisation()) : who.organisation() == null && belongsTo(who.person());
	}

	public boolean isAssignedTo(AccountId account) {
		return account.equals(assignee);
	}

	/**
	 * The applicant submits the draft with these answers (those its procedure type still asks); it
	 * becomes a case of its department. The event is completed with the reference number, which is
	 * drawn last (see {@link Submitted}).
	 */
	public Transition<Submitted> submit(Applicant who, Map<String, String> answers, TrustLevel level, Instant at) {
		require(status == DRAFT && isOpenTo(who), NOT_A_DRAFT);
		Application submitted = new Application(id, tenant, applicant, typeKey, typeVersion, department, SUBMITTED, answers, reference,
				createdAt, at, at, null, workflowInstance, organisation, level);
		return new Transition<>(this, submitted, new Submitted(tenant, id, typeKey, typeVersion, applicant, department, at), NOT_A_DRAFT);
	}

	/** A personal application submitted by its applicant at the lowest level (the common case of the tests and demo data). */
	Transition<Submitted> submit(AccountId citizen, Map<String, String> answers, Instant at) {
		return submit(Applicant.personal(citizen), answers, TrustLevel.LOW, at);
	}

	/**
	 * A submission as decided, before its reference number exists: the number's counter row stays
	 * locked until the commit, so it is drawn as the transaction's last statement.
	 */
	public record Submitted(TenantId tenant, ApplicationId application, String procedureType, int procedureVersion, AccountId applicant,
			DepartmentCode department, Instant submittedAt) {

		public ApplicationSubmitted withReference(String reference, @Nullable String origin) {
			return new ApplicationSubmitted(tenant, application, reference, procedureType, procedureVersion, applicant, department, submittedAt,
					origin);
		}
	}

	/** A clerk takes a newly submitted case; from now on only they work it. */
	public Transition<@Nullable Void> claim(AccountId clerk) {
		require(status == SUBMITTED, CLAIMED);
		return new Transition<>(this, moveTo(IN_PROGRESS, clerk), null, CLAIMED);
	}

	/** The clerk working the case asks the applicant a question; the case waits for the answer. */
	public Transition<InformationRequested> requestInformation(AccountId clerk, String question, Instant at,
			@Nullable String origin) {
		require(status == IN_PROGRESS && isAssignedTo(clerk), NOT_YOURS);
		return new Transition<>(this, moveTo(INFORMATION_REQUESTED, clerk),
				new InformationRequested(tenant, id, reference, applicant, question, at, origin), NOT_YOURS);
	}

	/** The applicant answers the open question; the case returns to the clerk who asked. */
	public Transition<InformationProvided> answer(AccountId citizen, Instant at) {
		return answer(Applicant.personal(citizen), at);
	}

	/** The applicant (or a member of the organisation it belongs to) answers the open question. */
	public Transition<InformationProvided> answer(Applicant citizen, Instant at) {
		require(status == INFORMATION_REQUESTED && assignee != null && isOpenTo(citizen), NO_QUESTION_OPEN);
		return new Transition<>(this, moveTo(IN_PROGRESS, assignee), new InformationProvided(tenant, id, reference, at),
				NO_QUESTION_OPEN);
	}

	/** The clerk working the case grants it. */
	public Transition<DecisionIssued> approve(AccountId clerk, String subject, Instant at, @Nullable String origin) {
		return decide(clerk, DecisionOutcome.APPROVED, subject, at, origin);
	}

	/**
	 * The system grants a newly submitted case by a rule of its procedure type (an automatic decision),
	 * as long as no clerk has taken it; once a clerk has, the clerk decides.
	 */
	public Transition<DecisionIssued> approveAutomatically(String subject, Instant at) {
		require(status == SUBMITTED && assignee == null, CLAIMED);
		return new Transition<>(this, moveTo(APPROVED, null),
				new DecisionIssued(tenant, id, reference, applicant, DecisionOutcome.APPROVED, subject, at, null, true), CLAIMED);
	}

	/** The clerk working the case refuses it (the reason is the decision's, stored with it). */
	public Transition<DecisionIssued> reject(AccountId clerk, String subject, Instant at, @Nullable String origin) {
		return decide(clerk, DecisionOutcome.REJECTED, subject, at, origin);
	}

	private Transition<DecisionIssued> decide(AccountId clerk, DecisionOutcome outcome, String subject, Instant at,
			@Nullable String origin) {
		require(status == IN_PROGRESS && isAssignedTo(clerk), NOT_YOURS);
		return new Transition<>(this, moveTo(outcome == DecisionOutcome.APPROVED ? APPROVED : REJECTED, clerk),
				new DecisionIssued(tenant, id, reference, applicant, outcome, subject, at, origin), NOT_YOURS);
	}

	/**
	 * The applicant withdraws the application while it is not yet decided; the case ends without a
	 * decision. (A draft is discarded instead; a decision can only be appealed.)
	 */
	public Transition<ApplicationWithdrawn> withdraw(AccountId citizen, Instant at) {
		return withdraw(Applicant.personal(citizen), at);
	}

	/** The applicant (or a member of the organisation it belongs to) withdraws it. */
	public Transition<ApplicationWithdrawn> withdraw(Applicant citizen, Instant at) {
		require(status.canMoveTo(WITHDRAWN) && isOpenTo(citizen), NOT_WITHDRAWABLE);
		return new Transition<>(this, moveTo(WITHDRAWN, assignee), new ApplicationWithdrawn(tenant, id, reference, at),
				NOT_WITHDRAWABLE);
	}

	private void require(boolean allowed, String refusal) {
		if (!allowed) {
			throw Refusal.conflict(refusal);
		}
	}

	private Application moveTo(ApplicationStatus next, @Nullable AccountId nextAssignee) {
		return new Application(id, tenant, applicant, typeKey, typeVersion, department, next, data, reference, createdAt,
				updatedAt, submittedAt, nextAssignee, workflowInstance, organisation, submittedLevel);
	}
}
