// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.privacy.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import de.openrathaus.privacy.incident.NotificationDeadline.State;

import org.junit.jupiter.api.Test;

/** Art. 33 (1) GDPR: 72 hours from awareness, weekends included; a warning in the last 24. */
class NotificationDeadlineTests {

	// a Friday evening: the hours run through the weekend
	private static final Instant AWARE = Instant.parse("2026-12-04T17:30:00Z");
	private final NotificationDeadline deadline = new NotificationDeadline(AWARE);

	@Test
	void theDeadlineIsSeventyTwoHoursAfterAwarenessWeekendOrNot() {
		assertThat(deadline.due()).isEqualTo(Instant.parse("2026-12-07T17:30:00Z"));
	}

	@Test
	void runningThenDueSoonThenOverdueUnlessSettled() {
		assertThat(deadline.state(AWARE.plus(Duration.ofHours(47)), null, false)).isEqualTo(State.RUNNING);
		assertThat(deadline.state(AWARE.plus(Duration.ofHours(48)), null, false)).isEqualTo(State.DUE_SOON);
		assertThat(deadline.hoursLeft(AWARE.plus(Duration.ofHours(60)))).isEqualTo(12);
		assertThat(deadline.state(AWARE.plus(Duration.ofHours(72)), null, false)).isEqualTo(State.OVERDUE);
		assertThat(deadline.state(AWARE.plus(Duration.ofHours(100)), AWARE.plus(Duration.ofHours(80)), false)).isEqualTo(State.NOTIFIED);
		assertThat(deadline.state(AWARE.plus(Duration.ofHours(100)), null, true)).isEqualTo(State.NOT_REQUIRED);
	}

	@Test
	void aNotificationAfterTheSeventyTwoHoursIsLate() {
		assertThat(deadline.late(AWARE.plus(Duration.ofHours(72)))).isFalse();
		assertThat(deadline.late(AWARE.plus(Duration.ofHours(72)).plusSeconds(1))).isTrue();
	}
}
