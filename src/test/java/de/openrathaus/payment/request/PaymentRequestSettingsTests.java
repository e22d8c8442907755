// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import de.openrathaus.tax.Money;

import org.junit.jupiter.api.Test;

/** Reminder stages by days after the due date: each due once, none for a paid request. */
class PaymentRequestSettingsTests {

	PaymentRequestSettings settings = new PaymentRequestSettings(14, List.of(7, 21), Duration.ofHours(1));
	LocalDate due = LocalDate.of(2026, 12, 18);

	StoredRequest request(int stage, boolean paid) {
		return new StoredRequest(UUID.randomUUID(), "decision:x", "payer", null, "HVZ-1", new Money(3000), "Halteverbot", "d",
				List.of(), due, stage, paid);
	}

	@Test
	void stagesFollowTheDaysAfterTheDueDate() {
		assertThat(settings.stageDue(due, due)).isZero();
		assertThat(settings.stageDue(due, due.plusDays(6))).isZero();
		assertThat(settings.stageDue(due, due.plusDays(7))).isEqualTo(1);
		assertThat(settings.stageDue(due, due.plusDays(20))).isEqualTo(1);
		assertThat(settings.stageDue(due, due.plusDays(21))).isEqualTo(2);
		assertThat(settings.stageDue(due, due.plusDays(400))).isEqualTo(2);
	}

	@Test
	void aStageAlreadySentOrAPaidRequestIsNotRemindedAgain() {
		assertThat(request(0, false).reminderDue(settings, due.plusDays(8))).hasValue(1);
		assertThat(request(1, false).reminderDue(settings, due.plusDays(8))).isEmpty();
		assertThat(request(1, false).reminderDue(settings, due.plusDays(30))).hasValue(2);
		assertThat(request(0, false).reminderDue(settings, due.plusDays(30))).as("a late job sends the latest stage only").hasValue(2);
		assertThat(request(0, true).reminderDue(settings, due.plusDays(30))).isEmpty();
	}

	@Test
	void reminderDaysMustAscend() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PaymentRequestSettings(14, List.of(7, 7), Duration.ofHours(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> new PaymentRequestSettings(14, List.of(0), Duration.ofHours(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> new PaymentRequestSettings(-1, List.of(7), Duration.ofHours(1)));
	}
}
