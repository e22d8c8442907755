// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.application;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an application stands, with the transitions allowed from each state. {@link Application}'s
 * methods name these transitions; a move the table does not allow is never stored.
 */
public enum ApplicationStatus {
	DRAFT, SUBMITTED, IN_PROGRESS, INFORMATION_REQUESTED, APPROVED, REJECTED, WITHDRAWN;

	/** The states this one may move to. */
	public Set<ApplicationStatus> next() {
		return switch (this) {
			case DRAFT -> EnumSet.of(SUBMITTED);
			case SUBMITTED -> EnumSet.of(IN_PROGRESS, APPROVED, WITHDRAWN); // APPROVED: only by an automatic decision
			case IN_PROGRESS -> EnumSet.of(INFORMATION_REQUESTED, APPROVED, REJECTED, WITHDRAWN);
			case INFORMATION_REQUESTED -> EnumSet.of(IN_PROGRESS, WITHDRAWN);
			case APPROVED, REJECTED, WITHDRAWN -> EnumSet.noneOf(ApplicationStatus.class);
		};
	}

	public boolean canMoveTo(ApplicationStatus next) {
		return next().contains(next);
	}

	/** Decided or withdrawn: nothing can happen to the application any more. */
	public boolean isClosed() {
		return next().isEmpty();
	}

	public boolean isDecided() {
		return this == APPROVED || this == REJECTED;
	}

	/** CSS modifier of the status tag. */
	public String tone() {
		return switch (this) {
			case DRAFT -> "";
			case SUBMITTED, IN_PROGRESS -> "";
			case INFORMATION_REQUESTED -> "warn";
			case APPROVED -> "ok";
			case REJECTED -> "bad";
			case WITHDRAWN -> "";
		};
	}
}
