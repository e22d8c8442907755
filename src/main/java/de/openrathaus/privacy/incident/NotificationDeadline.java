// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.privacy.incident;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Art. 33 (1) GDPR: a personal data breach is notified to the supervisory authority without undue delay and, where
 * feasible, not later than 72 hours after having become aware of it, unless it is unlikely to result in a risk to
 * people; a later notification must give the reasons for the delay. The hours run from awareness, not from the
 * breach, and count weekends and holidays.
 */
record NotificationDeadline(Instant awareAt) {

	static final Duration PERIOD = Duration.ofHours(72);
	/** From here on the officer is warned that the deadline is near. */
	static final Duration WARN_BEFORE = Duration.ofHours(24);

	enum State {
		/** Notified to the authority (in time or late: {@link #late(Instant)} says which). */
		NOTIFIED,
		/** The officer recorded why no notification is needed (no risk to people). */
		NOT_REQUIRED,
		/** Running, more than a day left. */
		RUNNING,
		/** Less than a day left. */
		DUE_SOON,
		/** The 72 hours have passed without notification: notify now, with the reasons for the delay. */
		OVERDUE
	}

	Instant due() {
		return awareAt.plus(PERIOD);
	}

	State state(Instant now, @Nullable Instant notifiedAt, boolean notRequired) {
		if (notifiedAt != null) {
			return State.NOTIFIED;
		}
		if (notRequired) {
			return State.NOT_REQUIRED;
		}
		if (!now.isBefore(due())) {
			return State.OVERDUE;
		}
		return now.isBefore(due().minus(WARN_BEFORE)) ? State.RUNNING : State.DUE_SOON;
	}

	/** Whether a notification at this time came after the 72 hours (its reasons for the delay are then required). */
	boolean late(Instant notifiedAt) {
		return notifiedAt.isAfter(due());
	}

	/** Hours left, rounded down; negative when overdue. */
	long hoursLeft(Instant now) {
		return Duration.between(now, due()).toHours();
	}
}
