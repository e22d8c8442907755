// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.council.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import de.openrathaus.web.Refusal;

import org.junit.jupiter.api.Test;

/** The seed's sequence: main committee, two committees (advice), the council (decision, authoritative). */
class ConsultationSequenceTests {

	static final UUID MAIN = UUID.randomUUID();
	static final UUID STAFF = UUID.randomUUID();
	static final UUID FINANCE = UUID.randomUUID();
	static final UUID COUNCIL = UUID.randomUUID();

	final List<ConsultationStep> steps = new ArrayList<>(List.of(step(1, MAIN, ConsultationRole.ADVICE, false),
			step(2, STAFF, ConsultationRole.ADVICE, false), step(3, FINANCE, ConsultationRole.ADVICE, false),
			step(4, COUNCIL, ConsultationRole.DECISION, true)));

	@Test
	void onlyTheLeadCommitteeMayTakeANewPaperUpFirst() {
		ConsultationSequence sequence = new ConsultationSequence(PaperStatus.NEW, steps);
		assertThat(sequence.placeOnAgendaOf(MAIN).position()).isEqualTo(1);
		assertThatThrownBy(() -> sequence.placeOnAgendaOf(COUNCIL)).isInstanceOf(Refusal.class)
			.hasMessage("council.agenda.paper.otherBody");
	}

	@Test
	void aPaperAlreadyOnAnAgendaIsNotPlacedTwice() {
		steps.set(0, new ConsultationStep(steps.get(0).id(), 1, MAIN, ConsultationRole.ADVICE, false, null, true));
		assertThatThrownBy(() -> new ConsultationSequence(PaperStatus.IN_CONSULTATION, steps).placeOnAgendaOf(MAIN))
			.hasMessage("council.agenda.paper.alreadyOnAgenda");
	}

	@Test
	void advisoryResultsMoveThePaperOnAndTheCouncilsDecisionSettlesIt() {
		ConsultationSequence first = new ConsultationSequence(PaperStatus.IN_CONSULTATION, steps);
		assertThat(first.statusAfter(steps.get(0).id(), ConsultationResult.REJECTED)).isEqualTo(PaperStatus.IN_CONSULTATION);
		conclude(0, ConsultationResult.REJECTED);
		conclude(1, ConsultationResult.DECIDED);
		conclude(2, ConsultationResult.REFERRED);
		ConsultationSequence last = new ConsultationSequence(PaperStatus.IN_CONSULTATION, steps);
		assertThat(last.placeOnAgendaOf(COUNCIL).position()).isEqualTo(4);
		assertThat(last.statusAfter(steps.get(3).id(), ConsultationResult.AMENDED)).isEqualTo(PaperStatus.DECIDED);
		assertThat(last.statusAfter(steps.get(3).id(), ConsultationResult.REJECTED)).isEqualTo(PaperStatus.REJECTED);
		assertThat(last.statusAfter(steps.get(3).id(), ConsultationResult.DEFERRED)).isEqualTo(PaperStatus.IN_CONSULTATION);
	}

	@Test
	void aResultForAConsultationThatIsNotDueIsRefused() {
		ConsultationSequence sequence = new ConsultationSequence(PaperStatus.IN_CONSULTATION, steps);
		assertThatThrownBy(() -> sequence.statusAfter(steps.get(3).id(), ConsultationResult.DECIDED)).hasMessage("council.result.notOpen");
		assertThat(new ConsultationSequence(PaperStatus.DECIDED, steps).next()).isEmpty();
	}

	@Test
	void aSequenceOfAdviceOnlyEndsConcluded() {
		List<ConsultationStep> advice = List.of(step(1, MAIN, ConsultationRole.ADVICE, false));
		assertThat(new ConsultationSequence(PaperStatus.IN_CONSULTATION, advice).statusAfter(advice.get(0).id(), ConsultationResult.DECIDED))
			.isEqualTo(PaperStatus.CONCLUDED);
		assertThat(new ConsultationSequence(PaperStatus.NEW, advice).nextPosition()).isEqualTo(2);
	}

	private void conclude(int index, ConsultationResult result) {
		ConsultationStep step = steps.get(index);
		steps.set(index, new ConsultationStep(step.id(), step.position(), step.organization(), step.role(), step.authoritative(), result, false));
	}

	private static ConsultationStep step(int position, UUID organization, ConsultationRole role, boolean authoritative) {
		return new ConsultationStep(UUID.randomUUID(), position, organization, role, authoritative, null, false);
	}
}
