// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.internal;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import de.openrathaus.tenancy.MunicipalClock;

import de.openrathaus.account.PasswordResetRequested;
import de.openrathaus.account.RegistrationRepeated;
import de.openrathaus.tenancy.Tenant;
import de.openrathaus.tenancy.Tenants;

import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Mails about the service account itself that go to addresses whose owner may not have asked for them:
 * a second registration with a registered address, a password reset. They contain only the
 * municipality's own text and links, nothing the requester typed.
 */
@Component
class AccountMailListeners {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm").withZone(MunicipalClock.ZONE);

	private final Outbox outbox;
	private final Tenants tenants;
	private final MessageSource messages;

	AccountMailListeners(Outbox outbox, Tenants tenants, MessageSource messages) {
		this.outbox = outbox;
		this.tenants = tenants;
		this.messages = messages;
	}

	@ApplicationModuleListener
	void on(RegistrationRepeated event) {
		String municipality = municipality().name();
		outbox.enqueue(event.email(), text("mail.registrationRepeated.subject", municipality),
				text("mail.registrationRepeated.body", municipality, event.portalLink()));
	}

	@ApplicationModuleListener
	void on(PasswordResetRequested event) {
		String municipality = municipality().name();
		outbox.enqueue(event.email(), text("mail.passwordReset.subject", municipality),
				text("mail.passwordReset.body", municipality, event.resetLink(), TIME.format(event.expiresAt())));
	}

	private Tenant municipality() {
		return tenants.current();
	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, Locale.GERMAN);
	}
}
