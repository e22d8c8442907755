// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import de.openrathaus.account.AccountDirectory;
import de.openrathaus.account.AccountId;
import de.openrathaus.correspondence.delivery.ChannelKind;
import de.openrathaus.correspondence.delivery.DeliveryChannel;
import de.openrathaus.correspondence.delivery.Handover;
import de.openrathaus.correspondence.delivery.OutgoingMessage;
import de.openrathaus.correspondence.securemail.CertificateRevocation;
import de.openrathaus.correspondence.securemail.MailCrypto;
import de.openrathaus.correspondence.securemail.MailKey;
import de.openrathaus.correspondence.securemail.MailKeys;
import de.openrathaus.correspondence.securemail.MailSigningKey;
import de.openrathaus.tenancy.Tenant;
import de.openrathaus.tenancy.Tenants;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * E-mail as a channel (§ 3 (1) EGovG NRW): with a key the citizen stored, the message and its
 * document go encrypted to that key (S/MIME or OpenPGP); without one, or with one that has expired
 * since, the mail only says that something arrived in the mailbox, never what. Every mail is signed
 * by the municipality (S/MIME) before it is encrypted. The subject never names the matter. The
 * Message-ID is the outbox message's own (ADR 29).
 */
@Component
class EmailChannel implements DeliveryChannel {

	private final AccountDirectory accounts;
	private final MailKeys keys;
	private final MailSigningKey signing;
	private final MailTransport transport;
	private final CorrespondenceSettings settings;
	private final Tenants tenants;
	private final TransactionTemplate transactions;
	private final MessageSource messages;
	private final Clock clock;
	private final boolean demo;
	private final de.openrathaus.correspondence.inbound.ReplyAddresses replyAddresses;
	private final CertificateRevocation revocation;

	EmailChannel(AccountDirectory accounts, MailKeys keys, MailSigningKey signing, MailTransport transport, CorrespondenceSettings settings,
			Tenants tenants, TransactionTemplate transactions, MessageSource messages, Clock clock,
			@org.springframework.beans.factory.annotation.Value("${openrathaus.demo.enabled:false}") boolean demo,
			de.openrathaus.correspondence.inbound.ReplyAddresses replyAddresses, CertificateRevocation revocation) {
		this.replyAddresses = replyAddresses;
		this.revocation = revocation;
		this.demo = demo;
		this.accounts = accounts;
		this.keys = keys;
		this.signing = signing;
		this.transport = transport;
		this.settings = settings;
		this.tenants = tenants;
		this.transactions = transactions;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	public ChannelKind kind() {
		return ChannelKind.EMAIL;
	}

	@Override
	public boolean reaches(AccountId account) {
		return accounts.find(account).map(AccountDirectory.AccountSummary::email).isPresent();
	}

	@Override
	public Handover deliver(OutgoingMessage message) throws Exception {
		Optional<AccountDirectory.AccountSummary> account = transactions.execute(s -> accounts.find(message.recipient()));
		if (account == null || account.isEmpty() || account.get().email() == null) {
			return new Handover.Refused(text("delivery.reason.noEmail"));
		}
		Instant now = clock.instant();
		// a key revoked since it was stored is treated like an expired one: the mail then only says that something arrived
		Optional<MailKey> key = transactions.execute(s -> keys.of(message.recipient())).filter(k -> k.validAt(now))
			.filter(k -> k.kind() != MailKey.Kind.SMIME || revocation.check(k.material()) != CertificateRevocation.Status.REVOKED);
		Tenant municipality = tenants.current();
		InternetAddress from = new InternetAddress(settings.from(), true);
		String messageId = OutboxSender.messageId(message.id(), from);

		MimeBodyPart content = key.isPresent() ? document(message, account.get(), municipality) : notice(message, account.get(), municipality);
		MimeMultipart signature = MailCrypto.sign(content, signing.of(municipality, from.getAddress()));
		MimeBodyPart signed = new MimeBodyPart();
		signed.setContent(signature);
		// a body part writes its headers as set: the type must be there before it is encrypted as a whole
		signed.setHeader("Content-Type", signature.getContentType());

		MimeMessage mail = new MimeMessage(MailTransports.SESSION) {
			@Override
			protected void updateMessageID() throws MessagingException {
				setHeader("Message-ID", messageId);
			}
		};
		mail.setFrom(from);
		mail.setRecipient(Message.RecipientType.TO, new InternetAddress(account.get().email(), true));
		mail.setSubject(text("securemail.notice.subject", municipality.name()), StandardCharsets.UTF_8.name());
		mail.setSentDate(Date.from(now));
		mail.setHeader("Auto-Submitted", "auto-generated");
		// a reply goes to the case's own address, which files it into the case
		Optional<String> replyTo = message.application() == null ? Optional.empty()
				: transactions.execute(s -> replyAddresses.of(message.application()));
		if (replyTo != null && replyTo.isPresent()) {
			mail.setReplyTo(new InternetAddress[] {new InternetAddress(replyTo.get(), true)});
		}
		if (key.isEmpty()) {
			mail.setContent((MimeMultipart) signed.getContent());
		}
		else if (key.get().kind() == MailKey.Kind.SMIME) {
			MimeBodyPart encrypted = MailCrypto.encryptSmime(signed, key.get().material());
			mail.setContent(encrypted.getContent(), encrypted.getContentType());
			mail.setHeader("Content-Transfer-Encoding", "base64");
		}
		else {
			mail.setContent(MailCrypto.encryptOpenPgp(signed, key.get().material(), now));
		}
		mail.saveChanges();
		transport.deliver(mail, message.id().toString());
		return new Handover.Sent(messageId);
	}

	private MimeBodyPart notice(OutgoingMessage message, AccountDirectory.AccountSummary account, Tenant municipality) throws MessagingException {
		MimeBodyPart part = new MimeBodyPart();
		part.setText(text("securemail.notice.body", account.displayName(), message.reference() == null ? "–" : message.reference(),
				portal(message, municipality) + "/portal/postfach", municipality.name()), StandardCharsets.UTF_8.name());
		return part;
	}

	private MimeBodyPart document(OutgoingMessage message, AccountDirectory.AccountSummary account, Tenant municipality)
			throws MessagingException {
		MimeMultipart mixed = new MimeMultipart("mixed");
		MimeBodyPart text = new MimeBodyPart();
		text.setText(text("securemail.encrypted.body", account.displayName(), message.body(), municipality.name()), StandardCharsets.UTF_8.name());
		mixed.addBodyPart(text);
		if (message.document() != null) {
			MimeBodyPart attachment = new MimeBodyPart();
			attachment.setDataHandler(new jakarta.activation.DataHandler(
					new ByteArrayDataSource(message.document().content(), message.document().mediaType())));
			attachment.setFileName(message.document().filename());
			attachment.setDisposition(MimeBodyPart.ATTACHMENT);
			mixed.addBodyPart(attachment);
		}
		MimeBodyPart part = new MimeBodyPart();
		part.setContent(mixed);
		return part;
	}

	/** As for the other mails (ADR 15): the configured address; in demo mode the origin the decision was made on. */
	private String portal(OutgoingMessage message, Tenant municipality) {
		if (municipality.publicUrl() != null) {
			return municipality.publicUrl();
		}
		if (demo && message.origin() != null) {
			return message.origin();
		}
		return "https://" + (municipality.hosts().isEmpty() ? "localhost" : municipality.hosts().getFirst());
	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, Locale.GERMAN);
	}
}
