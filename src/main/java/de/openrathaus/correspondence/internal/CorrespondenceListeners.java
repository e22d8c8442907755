// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import de.openrathaus.account.AccountDirectory;
import de.openrathaus.account.AccountDirectory.AccountSummary;
import de.openrathaus.account.AccountId;
import de.openrathaus.account.VerificationRequested;
import de.openrathaus.procedure.ApplicationSubmitted;
import de.openrathaus.procedure.DecisionDocuments;
import de.openrathaus.procedure.DecisionIssued;
import de.openrathaus.procedure.InformationRequested;
import de.openrathaus.tenancy.Tenant;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.Tenants;

import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Answers the other modules' events on the citizen's channel: mails for the address confirmation
 * and the receipt; decisions and questions into the portal mailbox with a notification mail that
 * carries no content. Each listener runs in its own transaction after the event's one committed;
 * the event publication registry retries it after a crash.
 */
@Component
class CorrespondenceListeners {

	private static final Locale GERMAN = Locale.GERMAN;
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm").withZone(ZoneId.of("Europe/Berlin"));

	private final Outbox outbox;
	private final Mailbox mailbox;
	private final AccountDirectory accounts;
	private final DecisionDocuments decisions;
	private final Tenants tenants;
	private final CorrespondenceSettings settings;
	private final MessageSource messages;

	CorrespondenceListeners(Outbox outbox, Mailbox mailbox, AccountDirectory accounts, DecisionDocuments decisions,
			Tenants tenants, CorrespondenceSettings settings, MessageSource messages) {
		this.outbox = outbox;
		this.mailbox = mailbox;
		this.accounts = accounts;
		this.decisions = decisions;
		this.tenants = tenants;
		this.settings = settings;
		this.messages = messages;
	}

	@ApplicationModuleListener
	void on(VerificationRequested event) {
		outbox.enqueue(event.email(), text("mail.verify.subject", municipality().name()),
				text("mail.verify.body", municipality().name(), event.verificationLink(),
						TIME.format(event.expiresAt())));
	}

	@ApplicationModuleListener
	void on(ApplicationSubmitted event) {
		applicant(event.applicant()).ifPresent(a -> outbox.enqueue(a.email(), text("mail.submitted.subject", event.reference()),
				text("mail.submitted.body", a.displayName(), event.reference(), TIME.format(event.submittedAt()), portal(),
						municipality().name())));
	}

	@ApplicationModuleListener
	void on(InformationRequested event) {
		mailbox.deliver(event.applicant(), event.application().value(), event.reference(),
				text("mailbox.question.subject", event.reference()) + " (" + TIME.format(event.requestedAt()) + ")",
				text("mailbox.question.body", event.question(), portal() + "/portal/antraege/" + event.application()), null);
		notifyNewMessage(event.applicant());
	}

	@ApplicationModuleListener
	void on(DecisionIssued event) {
		Mailbox.Document document = decisions.decisionOf(event.application())
			.map(d -> new Mailbox.Document(d.filename(), d.mediaType(), d.content()))
			.orElseThrow(() -> new IllegalStateException("Decision document of " + event.application() + " not found"));
		mailbox.deliver(event.applicant(), event.application().value(), event.reference(), event.subject(),
				text("mailbox.decision.body", event.reference()), document);
		notifyNewMessage(event.applicant());
	}

	private void notifyNewMessage(AccountId account) {
		applicant(account).ifPresent(a -> outbox.enqueue(a.email(), text("mail.newMessage.subject", municipality().name()),
				text("mail.newMessage.body", a.displayName(), portal() + "/portal/postfach", municipality().name())));
	}

	private java.util.Optional<AccountSummary> applicant(AccountId account) {
		return accounts.find(account);
	}

	private Tenant municipality() {
		return tenants.byId(TenantContext.require()).orElseThrow();
	}

	private String portal() {
		Tenant tenant = municipality();
		return settings.portalUrl(tenant.hosts().isEmpty() ? "localhost" : tenant.hosts().getFirst());
	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, GERMAN);
	}
}
