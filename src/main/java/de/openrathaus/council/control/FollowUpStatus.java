// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.council.control;

/** Where the follow-up of a resolution stands: geplant, in Arbeit, erledigt, nicht umsetzbar (with a reason). */
enum FollowUpStatus {
	PLANNED, IN_PROGRESS, DONE, NOT_FEASIBLE;

	/** Whether the resolution still waits for the administration (and so can be overdue). */
	boolean open() {
		return this == PLANNED || this == IN_PROGRESS;
	}
}
