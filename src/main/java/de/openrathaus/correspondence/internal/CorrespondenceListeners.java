// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.internal;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import de.openrathaus.tenancy.MunicipalClock;

import de.openrathaus.account.AccountDirectory;
import de.openrathaus.account.AccountDirectory.AccountSummary;
import de.openrathaus.account.AccountId;
import de.openrathaus.account.VerificationRequested;
import de.openrathaus.correspondence.delivery.ChannelKind;
import de.openrathaus.correspondence.delivery.ChannelPreferences;
import de.openrathaus.correspondence.delivery.DeliveryOutbox;
import de.openrathaus.correspondence.inbound.ReplyAddresses;
import de.openrathaus.procedure.ApplicationSubmitted;
import de.openrathaus.procedure.DecisionDocuments;
import de.openrathaus.procedure.DecisionIssued;
import de.openrathaus.procedure.InformationProvided;
import de.openrathaus.procedure.InformationRequested;
import de.openrathaus.tenancy.Tenant;
import de.openrathaus.tenancy.Tenants;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
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
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm").withZone(MunicipalClock.ZONE);

	private final Outbox outbox;
	private final Mailbox mailbox;
	private final DeliveryOutbox deliveries;
	private final ChannelPreferences channels;
	private final ReplyAddresses replyAddresses;
	private final AccountDirectory accounts;
	private final DecisionDocuments decisions;
	private final Tenants tenants;
	private final MessageSource messages;
	private final boolean demo;

	CorrespondenceListeners(Outbox outbox, Mailbox mailbox, DeliveryOutbox deliveries, ChannelPreferences channels, ReplyAddresses replyAddresses, AccountDirectory accounts, DecisionDocuments decisions,
			Tenants tenants, MessageSource messages, @Value("${openrathaus.demo.enabled:false}") boolean demo) {
		this.outbox = outbox;
		this.mailbox = mailbox;
		this.deliveries = deliveries;
		this.channels = channels;
		this.replyAddresses = replyAddresses;
		this.accounts = accounts;
		this.decisions = decisions;
		this.tenants = tenants;
		this.messages = messages;
		this.demo = demo;
	}

	@ApplicationModuleListener
	void on(VerificationRequested event) {
		outbox.enqueue(event.email(), text("mail.verify.subject", municipality().name()),
				text("mail.verify.body", municipality().name(), event.verificationLink(),
						TIME.format(event.expiresAt())));
	}

	@ApplicationModuleListener
	void on(ApplicationSubmitted event) {
		// every submission so far comes in through the portal's forms
		channels.intake(event.application().value(), event.reference(), event.applicant(), ChannelKind.PORTAL);
		replyAddresses.create(event.application().value(), event.reference());
		applicant(event.applicant()).ifPresent(a -> outbox.enqueue(a.email(), text("mail.submitted.subject", event.reference()),
				text("mail.submitted.body", a.displayName(), event.reference(), TIME.format(event.submittedAt()), portal(event.origin()),
						municipality().name())));
	}

	@ApplicationModuleListener
	void on(InformationRequested event) {
		String subject = text("mailbox.question.subject", event.reference()) + " (" + TIME.format(event.requestedAt()) + ")";
		// a path, not an address: in the mailbox the citizen is already signed in on the origin they use
		String body = text("mailbox.question.body", event.question(), "/portal/antraege/" + event.application());
		mailbox.deliver(event.applicant(), event.application().value(), event.reference(), subject, body, null, true)
			.ifPresent(made -> answer(event.applicant(), event.application().value(), event.reference(), subject, body, made, false,
					event.origin()));
	}

	@ApplicationModuleListener
	void on(DecisionIssued event) {
		Mailbox.Document document = decisions.decisionOf(event.application())
			.map(d -> new Mailbox.Document(d.filename(), d.mediaType(), d.content()))
			.orElseThrow(() -> new IllegalStateException("Decision document of " + event.application() + " not found"));
		String body = text("mailbox.decision.body", event.reference());
		mailbox.deliver(event.applicant(), event.application().value(), event.reference(), event.subject(), body, document, false)
			.ifPresent(made -> answer(event.applicant(), event.application().value(), event.reference(), event.subject(), body, made, true,
					event.origin()));
	}

	@ApplicationModuleListener
	void on(InformationProvided event) {
		mailbox.answered(event.application().value(), event.answeredAt());
	}

	/**
	 * The answer on the citizen's channel: the mailbox copy is recorded as delivered; on another
	 * channel the outbox sends it; on the mailbox alone a mail says (without content) that
	 * something arrived.
	 */
	private void answer(AccountId account, UUID application, String reference, String subject, String body, Mailbox.Made made,
			boolean carriesDecision, @Nullable String origin) {
		ChannelKind channel = deliveries.answer(account, application, reference, subject, body, made.id(), made.at(), carriesDecision, origin);
		if (channel == ChannelKind.PORTAL) {
			notifyNewMessage(account, origin);
		}
	}

	private void notifyNewMessage(AccountId account, @Nullable String origin) {
		applicant(account).ifPresent(a -> outbox.enqueue(a.email(), text("mail.newMessage.subject", municipality().name()),
				text("mail.newMessage.body", a.displayName(), portal(origin) + "/portal/postfach", municipality().name())));
	}

	/** The applicant if mail can reach them (an account from a federated sign-in may have no address). */
	private java.util.Optional<AccountSummary> applicant(AccountId account) {
		return accounts.find(account).filter(a -> a.email() != null);
	}

	private Tenant municipality() {
		return tenants.current();
	}

	/**
	 * The portal address for links in mails: the municipality's configured public address; in demo
	 * mode without one, the origin the triggering request came in on (so the citizen stays on the
	 * origin they are signed in on); else HTTPS on the municipality's first host name.
	 */
	private String portal(@Nullable String origin) {
		Tenant tenant = municipality();
		if (tenant.publicUrl() != null) {
			return tenant.publicUrl();
		}
		if (demo && origin != null) {
			return origin;
		}
		return "https://" + (tenant.hosts().isEmpty() ? "localhost" : tenant.hosts().getFirst());
	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, GERMAN);
	}
}
