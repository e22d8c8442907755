// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment.request;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Payment requests ({@code openrathaus.payment.requests.*}).
 *
 * @param dueDays how many days after the request the payment is due
 * @param reminderDays days after the due date at which reminder 1, 2, … is sent while unpaid (ascending)
 * @param reminderInterval how often the reminder job looks for due reminders
 */
@ConfigurationProperties("openrathaus.payment.requests")
record PaymentRequestSettings(@DefaultValue("14") int dueDays, @DefaultValue({"7", "21"}) List<Integer> reminderDays,
		@DefaultValue("1h") Duration reminderInterval) {

	PaymentRequestSettings {
		reminderDays = List.copyOf(reminderDays);
		if (dueDays < 0) {
			throw new IllegalArgumentException("openrathaus.payment.requests.due-days cannot be negative");
		}
		for (int i = 0; i < reminderDays.size(); i++) {
			if (reminderDays.get(i) < 1 || (i > 0 && reminderDays.get(i) <= reminderDays.get(i - 1))) {
				throw new IllegalArgumentException("openrathaus.payment.requests.reminder-days must ascend from 1");
			}
		}
	}

	/** The reminder stage due on {@code today} for a request due on {@code dueOn}: 0 for none yet. */
	int stageDue(java.time.LocalDate dueOn, java.time.LocalDate today) {
		int stage = 0;
		for (int i = 0; i < reminderDays.size(); i++) {
			if (!today.isBefore(dueOn.plusDays(reminderDays.get(i)))) {
				stage = i + 1;
			}
		}
		return stage;
	}
}
