// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.application;

import static de.openrathaus.procedure.application.ApplicationStatus.APPROVED;
import static de.openrathaus.procedure.application.ApplicationStatus.DRAFT;
import static de.openrathaus.procedure.application.ApplicationStatus.INFORMATION_REQUESTED;
import static de.openrathaus.procedure.application.ApplicationStatus.IN_PROGRESS;
import static de.openrathaus.procedure.application.ApplicationStatus.REJECTED;
import static de.openrathaus.procedure.application.ApplicationStatus.SUBMITTED;
import static de.openrathaus.procedure.application.ApplicationStatus.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import de.openrathaus.account.AccountId;
import de.openrathaus.account.DepartmentCode;
import de.openrathaus.procedure.ApplicationId;
import de.openrathaus.procedure.ApplicationSubmitted;
import de.openrathaus.procedure.ApplicationWithdrawn;
import de.openrathaus.procedure.DecisionIssued;
import de.openrathaus.procedure.DecisionOutcome;
import de.openrathaus.procedure.InformationProvided;
import de.openrathaus.procedure.InformationRequested;
import de.openrathaus.tenancy.TenantId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The application's states and the case work's transitions between them, each allowed and each refused one. */
class ApplicationTests {

	static final TenantId TENANT = new TenantId(UUID.randomUUID());
	static final AccountId CITIZEN = new AccountId(UUID.randomUUID());
	static final AccountId CLERK = new AccountId(UUID.randomUUID());
	static final AccountId OTHER_CLERK = new AccountId(UUID.randomUUID());
	static final Instant NOW = Instant.parse("2026-11-29T10:15:30Z");
	static final String ORIGIN = "https://musterstadt.example";

	/** Every allowed move, written out; every other pair of states is refused. */
	static final Set<String> ALLOWED = Set.of("DRAFT>SUBMITTED", "SUBMITTED>IN_PROGRESS", "IN_PROGRESS>INFORMATION_REQUESTED",
			"IN_PROGRESS>APPROVED", "IN_PROGRESS>REJECTED", "INFORMATION_REQUESTED>IN_PROGRESS", "SUBMITTED>WITHDRAWN",
			"IN_PROGRESS>WITHDRAWN", "INFORMATION_REQUESTED>WITHDRAWN", "SUBMITTED>APPROVED");

	static Stream<Arguments> everyPairOfStates() {
		return Arrays.stream(ApplicationStatus.values())
			.flatMap(from -> Arrays.stream(ApplicationStatus.values()).map(to -> Arguments.of(from, to)));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("everyPairOfStates")
	void theTransitionTableAllowsExactlyTheMovesOfTheProcedure(ApplicationStatus from, ApplicationStatus to) {
		assertThat(from.canMoveTo(to)).isEqualTo(ALLOWED.contains(from + ">" + to));
	}

	@Test
	void aTransitionTheTableDoesNotAllowCannotEvenBeBuilt() {
		Application draft = application(DRAFT, null);
		assertThatIllegalArgumentException().isThrownBy(
				() -> new Transition<>(draft, application(APPROVED, CLERK), "event", Application.NOT_YOURS));
	}

	static Application application(ApplicationStatus status, AccountId assignee) {
		return new Application(new ApplicationId(UUID.fromString("00000000-0000-0000-0000-000000000001")), TENANT, CITIZEN,
				"hund-anmelden", 1, new DepartmentCode("steuern"), status, Map.of("hund.name", "Bello"),
				status == DRAFT ? null : "HUND-2026-000001", NOW, NOW, status == DRAFT ? null : NOW, assignee, null);
	}

	/** The assignee an application in this state has in the ordinary course: the clerk once claimed. */
	static Application inState(ApplicationStatus status) {
		return application(status, status == DRAFT || status == SUBMITTED ? null : CLERK);
	}

	static void assertRefused(Function<Application, Transition<?>> action, Application application, String messageKey) {
		assertThatThrownBy(() -> action.apply(application)).isInstanceOfSatisfying(de.openrathaus.web.Refusal.class,
				refused -> assertThat(refused.messageKey()).isEqualTo(messageKey));
	}

	// submit

	@Test
	void theApplicantSubmitsTheirDraft() {
		Map<String, String> answers = Map.of("hund.name", "Bello", "hund.rasse", "Mischling");
		Transition<Application.Submitted> submitted = inState(DRAFT).submit(CITIZEN, answers, NOW.plusSeconds(60));
		assertThat(submitted.before().status()).isEqualTo(DRAFT);
		assertThat(submitted.after().status()).isEqualTo(SUBMITTED);
		assertThat(submitted.after().data()).isEqualTo(answers);
		assertThat(submitted.after().submittedAt()).isEqualTo(NOW.plusSeconds(60));
		assertThat(submitted.after().assignee()).isNull();
		assertThat(submitted.event().withReference("HUND-2026-000007", ORIGIN)).isEqualTo(new ApplicationSubmitted(TENANT,
				submitted.before().id(), "HUND-2026-000007", "hund-anmelden", 1, CITIZEN, new DepartmentCode("steuern"), NOW.plusSeconds(60),
				ORIGIN));
		assertThat(submitted.lostRace().messageKey()).isEqualTo("application.submit.notDraft");
	}

	@ParameterizedTest
	@EnumSource(value = ApplicationStatus.class, names = "DRAFT", mode = EnumSource.Mode.EXCLUDE)
	void onlyADraftCanBeSubmitted(ApplicationStatus status) {
		assertRefused(a -> a.submit(CITIZEN, Map.of(), NOW), inState(status), "application.submit.notDraft");
	}

	@Test
	void onlyTheApplicantSubmits() {
		assertRefused(a -> a.submit(CLERK, Map.of(), NOW), inState(DRAFT), "application.submit.notDraft");
	}

	// claim

	@Test
	void aClerkClaimsASubmittedCase() {
		Transition<Void> claimed = inState(SUBMITTED).claim(CLERK);
		assertThat(claimed.before().status()).isEqualTo(SUBMITTED);
		assertThat(claimed.after().status()).isEqualTo(IN_PROGRESS);
		assertThat(claimed.after().assignee()).isEqualTo(CLERK);
		// nobody listened to the CaseWorkStarted this published; the citizen sees the state itself
		assertThat(claimed.event()).isNull();
		assertThat(claimed.lostRace().messageKey()).isEqualTo("casework.refused.claimed");
	}

	@ParameterizedTest
	@EnumSource(value = ApplicationStatus.class, names = "SUBMITTED", mode = EnumSource.Mode.EXCLUDE)
	void onlyASubmittedCaseCanBeClaimed(ApplicationStatus status) {
		assertRefused(a -> a.claim(OTHER_CLERK), inState(status), "casework.refused.claimed");
	}

	// automatic decision

	@Test
	void theSystemGrantsASubmittedCaseNobodyHasTaken() {
		Transition<DecisionIssued> approved = inState(SUBMITTED).approveAutomatically("Bescheid", NOW);
		assertThat(approved.after().status()).isEqualTo(APPROVED);
		assertThat(approved.after().assignee()).isNull();
		assertThat(approved.event().outcome()).isEqualTo(DecisionOutcome.APPROVED);
		assertThat(approved.event().origin()).isNull();
		assertThat(approved.event().automatic()).isTrue();
		assertThat(approved.lostRace().messageKey()).isEqualTo("casework.refused.claimed");
	}

	@ParameterizedTest
	@EnumSource(value = ApplicationStatus.class, names = "SUBMITTED", mode = EnumSource.Mode.EXCLUDE)
	void theSystemDecidesNothingButANewlySubmittedCase(ApplicationStatus status) {
		assertRefused(a -> a.approveAutomatically("Bescheid", NOW), inState(status), "casework.refused.claimed");
	}

	@Test
	void theSystemDoesNotDecideACaseAClerkHasTaken() {
		assertRefused(a -> a.approveAutomatically("Bescheid", NOW), application(SUBMITTED, CLERK), "casework.refused.claimed");
	}

	// request information

	@Test
	void theClerkWorkingTheCaseAsksTheApplicant() {
		Transition<InformationRequested> asked = inState(IN_PROGRESS).requestInformation(CLERK, "Welche Rasse?", NOW, ORIGIN);
		assertThat(asked.after().status()).isEqualTo(INFORMATION_REQUESTED);
		assertThat(asked.after().assignee()).isEqualTo(CLERK);
		assertThat(asked.event()).isEqualTo(new InformationRequested(TENANT, asked.after().id(), "HUND-2026-000001", CITIZEN,
				"Welche Rasse?", NOW, ORIGIN));
	}

	@ParameterizedTest
	@EnumSource(value = ApplicationStatus.class, names = "IN_PROGRESS", mode = EnumSource.Mode.EXCLUDE)
	void onlyACaseInProgressCanAskTheApplicant(ApplicationStatus status) {
		assertRefused(a -> a.requestInformation(CLERK, "Frage", NOW, null), inState(status), "casework.refused.notYours");
	}

	@Test
	void anotherClerkCannotAskOnACaseNotTheirs() {
		assertRefused(a -> a.requestInformation(OTHER_CLERK, "Frage", NOW, null), inState(IN_PROGRESS),
				"casework.refused.notYours");
	}

	// answer

	@Test
	void theApplicantAnswersAndTheCaseReturnsToTheClerkWhoAsked() {
		Transition<InformationProvided> answered = inState(INFORMATION_REQUESTED).answer(CITIZEN, NOW);
		assertThat(answered.after().status()).isEqualTo(IN_PROGRESS);
		assertThat(answered.after().assignee()).isEqualTo(CLERK);
		assertThat(answered.event()).isEqualTo(new InformationProvided(TENANT, answered.after().id(), "HUND-2026-000001", NOW));
	}

	@ParameterizedTest
	@EnumSource(value = ApplicationStatus.class, names = "INFORMATION_REQUESTED", mode = EnumSource.Mode.EXCLUDE)
	void anAnswerIsRefusedWhenNoQuestionIsOpen(ApplicationStatus status) {
		assertRefused(a -> a.answer(CITIZEN, NOW), inState(status), "application.answer.notOpen");
	}

	@Test
	void onlyTheApplicantAnswers() {
		assertRefused(a -> a.answer(OTHER_CLERK, NOW), inState(INFORMATION_REQUESTED), "application.answer.notOpen");
	}

	// approve and reject

	@Test
	void theClerkWorkingTheCaseApprovesIt() {
		Transition<DecisionIssued> approved = inState(IN_PROGRESS).approve(CLERK, "Bescheid", NOW, ORIGIN);
		assertThat(approved.after().status()).isEqualTo(APPROVED);
		assertThat(approved.event()).isEqualTo(new DecisionIssued(TENANT, approved.after().id(), "HUND-2026-000001", CITIZEN,
				DecisionOutcome.APPROVED, "Bescheid", NOW, ORIGIN));
	}

	@Test
	void theClerkWorkingTheCaseRejectsIt() {
		Transition<DecisionIssued> rejected = inState(IN_PROGRESS).reject(CLERK, "Ablehnung", NOW, null);
		assertThat(rejected.after().status()).isEqualTo(REJECTED);
		assertThat(rejected.event()).isEqualTo(new DecisionIssued(TENANT, rejected.after().id(), "HUND-2026-000001", CITIZEN,
				DecisionOutcome.REJECTED, "Ablehnung", NOW, null));
	}

	@ParameterizedTest
	@EnumSource(value = ApplicationStatus.class, names = "IN_PROGRESS", mode = EnumSource.Mode.EXCLUDE)
	void onlyACaseInProgressCanBeDecided(ApplicationStatus status) {
		assertRefused(a -> a.approve(CLERK, "Bescheid", NOW, null), inState(status), "casework.refused.notYours");
		assertRefused(a -> a.reject(CLERK, "Ablehnung", NOW, null), inState(status), "casework.refused.notYours");
	}

	@Test
	void anotherClerkCannotDecideACaseNotTheirs() {
		assertRefused(a -> a.approve(OTHER_CLERK, "Bescheid", NOW, null), inState(IN_PROGRESS), "casework.refused.notYours");
		assertRefused(a -> a.reject(OTHER_CLERK, "Ablehnung", NOW, null), inState(IN_PROGRESS), "casework.refused.notYours");
	}

	// withdraw

	@ParameterizedTest
	@EnumSource(value = ApplicationStatus.class, names = { "SUBMITTED", "IN_PROGRESS", "INFORMATION_REQUESTED" })
	void theApplicantWithdrawsAnApplicationNotYetDecided(ApplicationStatus status) {
		Application application = inState(status);
		Transition<ApplicationWithdrawn> withdrawn = application.withdraw(CITIZEN, NOW);
		assertThat(withdrawn.after().status()).isEqualTo(WITHDRAWN);
		assertThat(withdrawn.after().status().isClosed()).isTrue();
		assertThat(withdrawn.after().assignee()).as("who worked the case stays on record").isEqualTo(application.assignee());
		assertThat(withdrawn.event()).isEqualTo(new ApplicationWithdrawn(TENANT, application.id(), "HUND-2026-000001", NOW));
	}

	@ParameterizedTest
	@EnumSource(value = ApplicationStatus.class, names = { "DRAFT", "APPROVED", "REJECTED", "WITHDRAWN" })
	void aDraftADecidedOrAWithdrawnApplicationCannotBeWithdrawn(ApplicationStatus status) {
		assertRefused(a -> a.withdraw(CITIZEN, NOW), inState(status), "application.withdraw.closed");
	}

	@Test
	void onlyTheApplicantWithdraws() {
		assertRefused(a -> a.withdraw(CLERK, NOW), inState(IN_PROGRESS), "application.withdraw.closed");
	}

	@ParameterizedTest
	@EnumSource(ApplicationStatus.class)
	void nothingHappensToAClosedApplication(ApplicationStatus status) {
		assertThat(status.isClosed()).isEqualTo(status == APPROVED || status == REJECTED || status == WITHDRAWN);
	}
}
