// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.demail;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
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
import de.openrathaus.correspondence.securemail.MailCrypto;
import de.openrathaus.correspondence.securemail.MailSigningKey;
import de.openrathaus.tenancy.Tenant;
import de.openrathaus.tenancy.Tenants;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * De-Mail as a channel (§ 3 (2) EGovG NRW), handed to the provider's gateway over SMTP. Each
 * message asks for the dispatch options BSI TR-01201 (part 3.4, table 1) defines for an authority's
 * answer: sender-confirmed ({@code X-de-mail-authoritative}), personal ({@code X-de-mail-private}),
 * with confirmations of dispatch, receipt and (by default) retrieval; {@code X-de-mail-private-id}
 * names the municipality and the outbox message, so each confirmation the provider sends back finds
 * its message. The provider adds the metadata and the attestation; the content is signed by the
 * municipality (S/MIME) besides. The Message-ID is the outbox message's own (ADR 29).
 */
@Component
@ConditionalOnProperty(name = "openrathaus.de-mail.enabled", havingValue = "true")
class DeMailChannel implements DeliveryChannel {

	/** Prefix of the private id: ours, the municipality's slug and the message id follow. */
	static final String PRIVATE_ID_PREFIX = "openrathaus:";

	private final DeMailSettings settings;
	private final DeMailAddresses addresses;
	private final AccountDirectory accounts;
	private final MailSigningKey signing;
	private final Tenants tenants;
	private final TransactionTemplate transactions;
	private final MessageSource messages;
	private final Clock clock;
	private final JavaMailSenderImpl gateway;

	DeMailChannel(DeMailSettings settings, DeMailAddresses addresses, AccountDirectory accounts, MailSigningKey signing, Tenants tenants,
			TransactionTemplate transactions, MessageSource messages, Clock clock) {
		this.settings = settings;
		this.addresses = addresses;
		this.accounts = accounts;
		this.signing = signing;
		this.tenants = tenants;
		this.transactions = transactions;
		this.messages = messages;
		this.clock = clock;
		this.gateway = gateway(settings);
	}

	@Override
	public ChannelKind kind() {
		return ChannelKind.DE_MAIL;
	}

	@Override
	public boolean reaches(AccountId account) {
		return settings.addressOf(tenants.current().slug()).isPresent() && addresses.of(account).isPresent();
	}

	@Override
	public Handover deliver(OutgoingMessage message) throws Exception {
		Tenant municipality = tenants.current();
		Optional<String> sender = settings.addressOf(municipality.slug());
		if (sender.isEmpty()) {
			return new Handover.Refused(text("demail.reason.noSender"));
		}
		Optional<String> recipient = transactions.execute(s -> addresses.of(message.recipient()));
		if (recipient == null || recipient.isEmpty()) {
			return new Handover.Refused(text("demail.reason.noAddress"));
		}
		String name = Optional.ofNullable(transactions.execute(s -> accounts.find(message.recipient())))
			.flatMap(a -> a.map(AccountDirectory.AccountSummary::displayName)).orElse("");
		InternetAddress from = new InternetAddress(sender.get(), true);
		String messageId = messageId(message, from);
		MimeMessage mail = compose(message, municipality, from, new InternetAddress(recipient.get(), true), name, messageId, clock.instant());
		gateway.send(mail);
		return new Handover.Sent(messageId);
	}

	MimeMessage compose(OutgoingMessage message, Tenant municipality, InternetAddress from, InternetAddress to, String name, String messageId,
			Instant now) throws Exception {
		MimeMultipart mixed = new MimeMultipart("mixed");
		MimeBodyPart text = new MimeBodyPart();
		text.setText(text("demail.mail.body", name, message.body(), message.reference() == null ? "–" : message.reference(), municipality.name()),
				StandardCharsets.UTF_8.name());
		mixed.addBodyPart(text);
		if (message.document() != null) {
			MimeBodyPart attachment = new MimeBodyPart();
			attachment.setDataHandler(new jakarta.activation.DataHandler(
					new ByteArrayDataSource(message.document().content(), message.document().mediaType())));
			attachment.setFileName(message.document().filename());
			attachment.setDisposition(MimeBodyPart.ATTACHMENT);
			mixed.addBodyPart(attachment);
		}
		MimeBodyPart content = new MimeBodyPart();
		content.setContent(mixed);
		MimeMultipart signed = MailCrypto.sign(content, signing.of(municipality, from.getAddress()));

		MimeMessage mail = new MimeMessage(Session.getInstance(new Properties())) {
			@Override
			protected void updateMessageID() throws MessagingException {
				setHeader("Message-ID", messageId);
			}
		};
		mail.setFrom(from);
		mail.setRecipient(Message.RecipientType.TO, to);
		mail.setSubject(message.subject(), StandardCharsets.UTF_8.name());
		mail.setSentDate(Date.from(now));
		mail.setHeader("X-de-mail-authoritative", "yes");
		mail.setHeader("X-de-mail-private", "yes");
		mail.setHeader("X-de-mail-confirmation-of-dispatch", "yes");
		mail.setHeader("X-de-mail-confirmation-of-receipt", "yes");
		mail.setHeader("X-de-mail-confirmation-of-retrieve", Boolean.TRUE.equals(settings.retrieveConfirmation()) ? "yes" : "no");
		mail.setHeader("X-de-mail-private-id", privateId(municipality.slug(), message.id()));
		mail.setContent(signed);
		mail.saveChanges();
		return mail;
	}

	static String privateId(String municipality, java.util.UUID message) {
		return PRIVATE_ID_PREFIX + municipality + ":" + message;
	}

	static String messageId(OutgoingMessage message, InternetAddress from) {
		String address = from.getAddress();
		return "<" + message.id() + "@" + address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT) + ">";
	}

	/** An SMTP client for the gateway with every timeout set: a gateway that hangs holds up no other channel. */
	private static JavaMailSenderImpl gateway(DeMailSettings settings) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost(settings.smtpHost() == null ? "localhost" : settings.smtpHost());
		sender.setPort(settings.smtpPort());
		sender.setUsername(settings.smtpUsername());
		sender.setPassword(settings.smtpPassword());
		sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
		Properties properties = new Properties();
		String protocol = "ssl".equals(settings.smtpSecurity()) ? "smtps" : "smtp";
		sender.setProtocol(protocol);
		properties.put("mail." + protocol + ".auth", String.valueOf(settings.smtpUsername() != null));
		if ("starttls".equals(settings.smtpSecurity())) {
			properties.put("mail.smtp.starttls.enable", "true");
			properties.put("mail.smtp.starttls.required", "true");
		}
		properties.put("mail." + protocol + ".connectiontimeout", String.valueOf(settings.connectTimeout().toMillis()));
		properties.put("mail." + protocol + ".timeout", String.valueOf(settings.readTimeout().toMillis()));
		properties.put("mail." + protocol + ".writetimeout", String.valueOf(settings.readTimeout().toMillis()));
		sender.setJavaMailProperties(properties);
		return sender;
	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, Locale.GERMAN);
	}
}
