// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.application;

import java.util.Set;

/** Where an application stands, with the transitions allowed from each state. */
public enum ApplicationStatus {
	DRAFT, SUBMITTED, IN_PROGRESS, INFORMATION_REQUESTED, APPROVED, REJECTED;

	public boolean canMoveTo(ApplicationStatus next) {
		return switch (this) {
			case DRAFT -> next == SUBMITTED;
			case SUBMITTED -> next == IN_PROGRESS;
			case IN_PROGRESS -> Set.of(INFORMATION_REQUESTED, APPROVED, REJECTED).contains(next);
			case INFORMATION_REQUESTED -> next == IN_PROGRESS;
			case APPROVED, REJECTED -> false;
		};
	}

	public boolean isOpenCase() {
		return this == SUBMITTED || this == IN_PROGRESS || this == INFORMATION_REQUESTED;
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
		};
	}
}
