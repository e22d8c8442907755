// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.internal;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import de.openrathaus.privacy.AccessibilityFeedbackReceived;
import de.openrathaus.tenancy.MunicipalClock;
import de.openrathaus.tenancy.Tenants;

import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A report of a barrier goes to the office the municipality named, through the outbox (retried, never
 * lost, never sent twice): the municipality must answer it (§ 10b BGG NRW).
 */
@Component
class AccessibilityFeedbackMails {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm").withZone(MunicipalClock.ZONE);

	private final Outbox outbox;
	private final Tenants tenants;
	private final MessageSource messages;

	AccessibilityFeedbackMails(Outbox outbox, Tenants tenants, MessageSource messages) {
		this.outbox = outbox;
		this.tenants = tenants;
		this.messages = messages;
	}

	@ApplicationModuleListener
	void on(AccessibilityFeedbackReceived event) {
		String none = text("mail.accessibilityFeedback.none");
		outbox.enqueue(event.office(), text("mail.accessibilityFeedback.subject", tenants.current().name()),
				text("mail.accessibilityFeedback.body", TIME.format(event.receivedAt()), event.page() == null ? none : event.page(),
						event.contact() == null ? none : event.contact(), event.message()));
	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, Locale.GERMAN);
	}
}
