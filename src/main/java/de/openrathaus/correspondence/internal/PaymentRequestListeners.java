// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.internal;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import de.openrathaus.account.AccountDirectory;
import de.openrathaus.account.AccountId;
import de.openrathaus.payment.PaymentReminded;
import de.openrathaus.payment.PaymentRequested;
import de.openrathaus.tenancy.Tenants;

import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Payment requests and their reminders into the payer's portal mailbox, with a notification mail
 * that carries no content. The mailbox keeps one message per subject line, so a redelivered event
 * adds nothing; each reminder stage has its own subject line.
 */
@Component
class PaymentRequestListeners {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private final Mailbox mailbox;
	private final Outbox outbox;
	private final AccountDirectory accounts;
	private final Tenants tenants;
	private final MessageSource messages;

	PaymentRequestListeners(Mailbox mailbox, Outbox outbox, AccountDirectory accounts, Tenants tenants, MessageSource messages) {
		this.mailbox = mailbox;
		this.outbox = outbox;
		this.accounts = accounts;
		this.tenants = tenants;
		this.messages = messages;
	}

	@ApplicationModuleListener
	void on(PaymentRequested event) {
		AccountId payer = AccountId.of(event.payer());
		mailbox.deliver(payer, event.regarding(), event.reference(), text("mailbox.paymentRequest.subject", event.reference()),
				text("mailbox.paymentRequest.body", event.reference(), event.amount().format(), event.purpose(),
						DATE.format(event.dueOn()), event.payPath()), null, false)
			.ifPresent(made -> notifyNewMessage(payer));
	}

	@ApplicationModuleListener
	void on(PaymentReminded event) {
		AccountId payer = AccountId.of(event.payer());
		mailbox.deliver(payer, event.regarding(), event.reference(),
				text("mailbox.paymentReminder.subject", event.stage(), event.reference()),
				text("mailbox.paymentReminder.body", event.reference(), event.amount().format(), DATE.format(event.dueOn()),
						event.payPath()), null, false)
			.ifPresent(made -> notifyNewMessage(payer));
	}

	private void notifyNewMessage(AccountId account) {
		String municipality = tenants.current().name();
		String portal = tenants.current().publicUrl() != null ? tenants.current().publicUrl()
				: "https://" + (tenants.current().hosts().isEmpty() ? "localhost" : tenants.current().hosts().getFirst());
		accounts.find(account).filter(a -> a.email() != null).ifPresent(a -> outbox.enqueue(a.email(),
				text("mail.newMessage.subject", municipality),
				text("mail.newMessage.body", a.displayName(), portal + "/portal/postfach", municipality)));
	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, Locale.GERMAN);
	}
}
