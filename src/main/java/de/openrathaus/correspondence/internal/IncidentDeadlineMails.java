// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.internal;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import de.openrathaus.account.AccountDirectory;
import de.openrathaus.account.StaffRole;
import de.openrathaus.privacy.IncidentDeadlineWarning;
import de.openrathaus.tenancy.MunicipalClock;
import de.openrathaus.tenancy.Tenants;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Warns the municipality's data protection officers by mail, through the outbox, that a breach's
 * 72 hours (Art. 33 (1) GDPR) run out within a day or have run out. The mail names no detail of the
 * breach, only when the municipality became aware of it, the deadline and where the register is.
 */
@Component
class IncidentDeadlineMails {

	private static final Logger log = LoggerFactory.getLogger(IncidentDeadlineMails.class);
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm").withZone(MunicipalClock.ZONE);

	private final Outbox outbox;
	private final AccountDirectory accounts;
	private final Tenants tenants;
	private final MessageSource messages;

	IncidentDeadlineMails(Outbox outbox, AccountDirectory accounts, Tenants tenants, MessageSource messages) {
		this.outbox = outbox;
		this.accounts = accounts;
		this.tenants = tenants;
		this.messages = messages;
	}

	@ApplicationModuleListener
	void on(IncidentDeadlineWarning warning) {
		String kind = warning.overdue() ? "overdue" : "dueSoon";
		var officers = accounts.staffWith(StaffRole.DATA_PROTECTION_OFFICER).stream().filter(a -> a.email() != null).toList();
		if (officers.isEmpty()) {
			log.warn("Incident {}: no data protection officer with an address to warn about the notification deadline", warning.incident());
			return;
		}
		for (var officer : officers) {
			outbox.enqueue(officer.email(), text("mail.incidentDeadline." + kind + ".subject", tenants.current().name()),
					text("mail.incidentDeadline." + kind + ".body", officer.displayName(), TIME.format(warning.awareAt()), TIME.format(warning.due())));
		}
	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, Locale.GERMAN);
	}
}
