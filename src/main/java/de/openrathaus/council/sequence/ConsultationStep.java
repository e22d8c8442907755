// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.council.sequence;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One consultation of a paper: its place in the sequence, the body, its role, whether it decides
 * (authoritative), its result once concluded, and whether an agenda item awaiting its result holds it.
 */
public record ConsultationStep(UUID id, int position, UUID organization, ConsultationRole role, boolean authoritative,
		@Nullable ConsultationResult result, boolean onAgenda) {

	public boolean concluded() {
		return result != null;
	}

	/** Whether this step's result settles the paper (an authoritative consultation, or the decision role). */
	boolean decides() {
		return authoritative || role == ConsultationRole.DECISION;
	}
}
