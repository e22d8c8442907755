// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.bundid;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import de.openrathaus.account.AccountDirectory;
import de.openrathaus.account.AccountId;
import de.openrathaus.correspondence.delivery.ChannelKind;
import de.openrathaus.correspondence.delivery.DeliveryChannel;
import de.openrathaus.correspondence.delivery.Handover;
import de.openrathaus.correspondence.delivery.OutgoingMessage;
import de.openrathaus.correspondence.inbound.ReplyAddresses;
import de.openrathaus.tenancy.Tenant;
import de.openrathaus.tenancy.Tenants;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The BundID mailbox (Zentrales Bürgerpostfach) as a channel, for citizens whose BundID sign-in
 * named their mailbox. The message goes with the decision as an attachment; a message that carries
 * a document needs the substantial level to be opened ({@code stork_qaa_level} 3), a notice the
 * basic one. The ZBP refusing the message (an unknown mailbox, a rejected field) is final and falls
 * back to a letter; a ZBP that is down, refuses our token or asks us to wait is tried again. The
 * ZBP has no idempotency key we know of: the outbox's lease keeps a second send to the rare crash
 * between the ZBP's answer and our note of it (ADR 29).
 */
@Component
@ConditionalOnProperty(name = "openrathaus.bundid-mailbox.enabled", havingValue = "true")
class BundIdMailboxChannel implements DeliveryChannel {


	private final BundIdMailboxSettings settings;
	private final AccountDirectory accounts;
	private final ReplyAddresses replyAddresses;
	private final Tenants tenants;
	private final TransactionTemplate transactions;
	private final MessageSource messages;
	private final Clock clock;
	private final ZbpClient client;

	BundIdMailboxChannel(BundIdMailboxSettings settings, AccountDirectory accounts, ReplyAddresses replyAddresses, Tenants tenants,
			TransactionTemplate transactions, MessageSource messages, Clock clock) {
		this.settings = settings;
		this.accounts = accounts;
		this.replyAddresses = replyAddresses;
		this.tenants = tenants;
		this.transactions = transactions;
		this.messages = messages;
		this.clock = clock;
		if (settings.baseUrl() == null || settings.clientKeystore() == null || settings.signer() == null) {
			throw new IllegalStateException("openrathaus.bundid-mailbox.enabled needs base-url, client-keystore and signer");
		}
		this.client = new ZbpClient(settings);
	}

	@Override
	public ChannelKind kind() {
		return ChannelKind.BUNDID;
	}

	@Override
	public boolean reaches(AccountId account) {
		return accounts.bundIdMailbox(account).isPresent();
	}

	@Override
	public Handover deliver(OutgoingMessage message) throws Exception {
		Optional<UUID> mailbox = transactions.execute(s -> accounts.bundIdMailbox(message.recipient()));
		if (mailbox == null || mailbox.isEmpty()) {
			return new Handover.Refused(text("bundid.reason.noMailbox"));
		}
		Tenant municipality = tenants.current();
		Optional<String> replyTo = message.application() == null ? Optional.empty()
				: Optional.ofNullable(transactions.execute(s -> replyAddresses.of(message.application()))).flatMap(o -> o);
		List<ZbpClient.Attachment> attachments = message.document() == null ? List.of()
				: List.of(new ZbpClient.Attachment(message.document().filename(), message.document().mediaType(), message.document().content()));
		String content = message.reference() == null ? message.body() : text("bundid.message.body", message.body(), message.reference());
		ZbpClient.Answer answer = client.send(new ZbpClient.Message(mailbox.get(), attachments.isEmpty() ? 1 : 3,
				settings.senders().getOrDefault(municipality.slug(), municipality.name()), message.subject(), content, settings.service(),
				message.reference(), message.application(), replyTo.orElse(null), attachments), clock.instant());
		int status = answer.status();
		if (status >= 200 && status < 300) {
			return new Handover.Sent(answer.messageReference().orElse(null));
		}
		if (status == 400 || status == 404 || status == 409 || status == 410 || status == 413 || status == 422) {
			return new Handover.Refused(text("bundid.reason.refused", status));
		}
		throw new IOException("BundID mailbox answered " + status);
	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, Locale.GERMAN);
	}
}
