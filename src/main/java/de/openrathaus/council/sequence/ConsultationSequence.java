// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.council.sequence;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import de.openrathaus.web.Refusal;

/**
 * A paper's consultations in order. The paper goes to the bodies one after another: only the first
 * consultation without a result may be put on an agenda, and only on a meeting of that body; a
 * result concludes it (a deferral does not), and a decision settles the paper.
 */
public final class ConsultationSequence {

	private final PaperStatus status;
	private final List<ConsultationStep> steps;

	public ConsultationSequence(PaperStatus status, List<ConsultationStep> steps) {
		this.status = status;
		this.steps = steps.stream().sorted(Comparator.comparingInt(ConsultationStep::position)).toList();
	}

	public List<ConsultationStep> steps() {
		return steps;
	}

	/** The consultation due next, if the paper is still open. */
	public Optional<ConsultationStep> next() {
		if (!status.open()) {
			return Optional.empty();
		}
		return steps.stream().filter(step -> !step.concluded()).findFirst();
	}

	/** The consultation a meeting of this body takes up now; refused if it is not this body's turn. */
	public ConsultationStep placeOnAgendaOf(UUID organization) {
		ConsultationStep next = next().orElseThrow(() -> Refusal.conflict("council.agenda.paper.notOpen"));
		if (!next.organization().equals(organization)) {
			throw Refusal.conflict("council.agenda.paper.otherBody");
		}
		if (next.onAgenda()) {
			throw Refusal.conflict("council.agenda.paper.alreadyOnAgenda");
		}
		return next;
	}

	/** The paper's status once the consultation with this id got this result; refused unless it is the one due. */
	public PaperStatus statusAfter(UUID consultation, ConsultationResult result) {
		ConsultationStep next = next().orElseThrow(() -> Refusal.conflict("council.result.notOpen"));
		if (!next.id().equals(consultation)) {
			throw Refusal.conflict("council.result.notOpen");
		}
		if (!result.concludes()) {
			return PaperStatus.IN_CONSULTATION;
		}
		if (next.decides() && (result == ConsultationResult.DECIDED || result == ConsultationResult.AMENDED)) {
			return PaperStatus.DECIDED;
		}
		if (next.decides() && result == ConsultationResult.REJECTED) {
			return PaperStatus.REJECTED;
		}
		boolean more = steps.stream().anyMatch(step -> !step.concluded() && step.position() > next.position());
		return more ? PaperStatus.IN_CONSULTATION : PaperStatus.CONCLUDED;
	}

	/** The position a consultation added now takes (at the end). */
	public int nextPosition() {
		return steps.stream().mapToInt(ConsultationStep::position).max().orElse(0) + 1;
	}
}
