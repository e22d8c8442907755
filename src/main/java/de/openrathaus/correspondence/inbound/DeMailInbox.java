// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.inbound;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;

import de.openrathaus.correspondence.ReplyReceived;
import de.openrathaus.correspondence.delivery.DeliveryProgress;
import de.openrathaus.correspondence.demail.DeMailAttestation;
import de.openrathaus.correspondence.demail.DeMailSettings;
import de.openrathaus.correspondence.demail.DeMailTrust;
import de.openrathaus.files.ScanVerdict;
import de.openrathaus.files.UploadScanner;
import de.openrathaus.procedure.ApplicationId;
import de.openrathaus.tenancy.Tenant;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.Tenants;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the De-Mail gateway's mailbox over IMAP, as {@link InboundPoller} reads the city's: nothing
 * is lost, nothing is kept twice, the mail is marked read only after it is kept. A mail counts as
 * De-Mail only when the provider's attestation holds ({@link DeMailAttestation}); then
 * <ul>
 * <li>a confirmation of dispatch, receipt or retrieval (which must be signed by the provider) moves
 * the message its {@code X-de-mail-private-id} names to sent, delivered or opened, and is kept with
 * the case as evidence;</li>
 * <li>a notification that the recipient is unknown, the account closed or the format invalid marks
 * the message failed, which falls back to a letter;</li>
 * <li>a citizen's De-Mail that answers one of our messages (In-Reply-To, References) is filed into
 * that case as a reply, with the attestation shown to the clerk.</li>
 * </ul>
 * Everything else, and every mail whose attestation is missing or does not hold, waits in the
 * triage list with the reason. Logs name no sender, subject or address.
 */
@Component
@ConditionalOnProperty(name = "openrathaus.de-mail.enabled", havingValue = "true")
class DeMailInbox {

	private static final Logger log = LoggerFactory.getLogger(DeMailInbox.class);

	private static final Pattern PRIVATE_ID = Pattern.compile("^openrathaus:([a-z0-9-]+):([0-9a-f-]{36})$");

	private static final Pattern MESSAGE_ID = Pattern.compile("<([0-9a-fA-F-]{36})@[^>]+>");

	private final DeMailSettings settings;
	private final InboundSettings inbound;
	private final DeMailTrust trust;
	private final InboundStore store;
	private final DeliveryProgress progress;
	private final UploadScanner scanner;
	private final Tenants tenants;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final MessageSource messages;
	private final Clock clock;

	DeMailInbox(DeMailSettings settings, InboundSettings inbound, DeMailTrust trust, InboundStore store, DeliveryProgress progress,
			UploadScanner scanner, Tenants tenants, TransactionTemplate transactions, ApplicationEventPublisher events, MessageSource messages,
			Clock clock) {
		this.settings = settings;
		this.inbound = inbound;
		this.trust = trust;
		this.store = store;
		this.progress = progress;
		this.scanner = scanner;
		this.tenants = tenants;
		this.transactions = transactions;
		this.events = events;
		this.messages = messages;
		this.clock = clock;
	}

	@SchedulerLock(name = "correspondence.de-mail-inbound", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1S")
	@Scheduled(fixedDelayString = "${openrathaus.de-mail.poll-interval:60s}", initialDelayString = "${openrathaus.de-mail.poll-interval:60s}")
	void poll() {
		if (settings.receives()) {
			pollNow();
		}
	}

	/** Reads one batch; returns how many mails were kept. */
	int pollNow() {
		return new ImapMailbox("De-Mail gateway mailbox", settings.imapProtocol(), settings.imapHost(), settings.imapPort(),
				settings.imapUsername(), settings.imapPassword(), settings.imapFolder(), settings.connectTimeout(), settings.readTimeout(),
				settings.batch()).readUnread(this::take);
	}

	private boolean take(Message mail) throws Exception {
		byte[] raw;
		if (mail.getSize() > settings.maxSize()) {
			keepInTriage(mail, InboundPoller.headers(mail), text("inbound.reason.tooLarge"), null);
			return true;
		}
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			mail.writeTo(out);
			raw = out.toByteArray();
		}
		catch (Exception e) {
			keepInTriage(mail, InboundPoller.headers(mail), text("inbound.reason.unreadable"), null);
			return true;
		}
		ScanVerdict verdict = scanner.scan(raw, "correspondence.de-mail");
		if (verdict.outcome() == ScanVerdict.Outcome.FAILED) {
			return false;
		}
		if (verdict.outcome() == ScanVerdict.Outcome.INFECTED) {
			keepInTriage(mail, InboundPoller.headers(mail), text("inbound.reason.malware"), null);
			return true;
		}
		Instant now = clock.instant();
		DeMailAttestation.Result result = DeMailAttestation.check(raw, trust.anchors(), now);
		switch (result) {
			case DeMailAttestation.Absent absent -> keepInTriage(mail, raw, text("demail.inbound.notDeMail"), null);
			case DeMailAttestation.Rejected rejected -> keepInTriage(mail, raw, text("demail.inbound.unverified", text(rejected.reason(), rejected.detail())), null);
			case DeMailAttestation.Attested attested -> attested(mail, raw, attested, now);
		}
		return true;
	}

	private void attested(Message mail, byte[] raw, DeMailAttestation.Attested attested, Instant now) throws Exception {
		String type = attested.messageType();
		String key = key(mail, raw);
		String subject = subject(mail);
		String statement = text("demail.inbound.attested", attested.field("x-de-mail-sender").orElse("?"),
				attested.field("x-de-mail-originator-provider").orElse("?"), attested.authoritative() ? text("demail.inbound.authoritative") : "");
		Instant at = mail.getSentDate() == null ? now : mail.getSentDate().toInstant();
		if (type.startsWith("confirmation") || "notification".equals(type)) {
			Optional<Matcher> named = attested.field("x-de-mail-private-id").map(PRIVATE_ID::matcher).filter(Matcher::matches);
			Optional<Tenant> municipality = named.flatMap(m -> bySlug(m.group(1)));
			if (type.startsWith("confirmation") && !attested.signed()) {
				keepInTriage(mail, raw, text("demail.inbound.unverified", text("demail.check.unsignedConfirmation")), statement);
				return;
			}
			if (named.isEmpty() || municipality.isEmpty()) {
				keepInTriage(mail, raw, text("demail.inbound.unknownMessage"), statement);
				return;
			}
			UUID message = UUID.fromString(named.get().group(2));
			boolean known = TenantContext.callAs(municipality.get().id(), () -> {
				Optional<DeliveryProgress.Answered> answered = progress.find(message);
				if (answered.isEmpty()) {
					return false;
				}
				ReplyAddresses.Case target = answered.get().application() == null ? null
						: new ReplyAddresses.Case(answered.get().application(), Optional.ofNullable(answered.get().reference()).orElse(""));
				transactions.executeWithoutResult(s -> store.keep(key, target, InboundStore.Status.RECEIPT, type, sender(attested),
						subject, raw.length, raw, InboundStore.Channel.DE_MAIL, statement));
				switch (type) {
					case "confirmation of dispatch" -> progress.sent(message, at);
					case "confirmation of receipt" -> progress.delivered(message, at);
					case "confirmation of retrieve" -> progress.opened(message, at);
					case "notification" -> {
						String kind = attested.field("x-de-mail-notification-type").orElse("other");
						if (!"other".equals(kind)) {
							progress.failed(message, text("demail.reason.notification", kind));
						}
					}
					default -> log.info("De-Mail confirmation of type {} kept without a status change", type.replaceAll("[^a-z -]", ""));
				}
				return true;
			});
			if (!known) {
				keepInTriage(mail, raw, text("demail.inbound.unknownMessage"), statement);
			}
			return;
		}
		if (!"normal".equals(type)) {
			keepInTriage(mail, raw, text("demail.inbound.otherType", type), statement);
			return;
		}
		Tenant municipality = municipality(mail);
		boolean filed = TenantContext.callAs(municipality.id(), () -> {
			for (UUID referred : referred(mail)) {
				Optional<DeliveryProgress.Answered> answered = progress.find(referred).filter(a -> a.application() != null);
				if (answered.isPresent()) {
					ReplyAddresses.Case target = new ReplyAddresses.Case(answered.get().application(),
							Optional.ofNullable(answered.get().reference()).orElse(""));
					transactions.executeWithoutResult(s -> store.keep(key, target, InboundStore.Status.FILED, null, sender(attested),
							subject, raw.length, raw, InboundStore.Channel.DE_MAIL, statement).ifPresent(id -> events.publishEvent(
									new ReplyReceived(municipality.id(), id, new ApplicationId(target.application()), target.reference(),
											clock.instant()))));
					return true;
				}
			}
			return false;
		});
		if (!filed) {
			TenantContext.runAs(municipality.id(), () -> transactions.executeWithoutResult(s -> store.keep(key, null,
					InboundStore.Status.TRIAGE, text("demail.inbound.noCase"), sender(attested), subject, raw.length, raw,
					InboundStore.Channel.DE_MAIL, statement)));
		}
	}

	private void keepInTriage(Message mail, byte[] raw, String reason, @Nullable String statement) throws Exception {
		Tenant municipality = municipality(mail);
		String key = key(mail, raw);
		String sender = InboundPoller.sender(mail);
		String subject = subject(mail);
		TenantContext.runAs(municipality.id(), () -> transactions.executeWithoutResult(s -> store.keep(key, null, InboundStore.Status.TRIAGE,
				reason, sender, subject, raw.length, raw, statement == null ? InboundStore.Channel.EMAIL : InboundStore.Channel.DE_MAIL,
				statement)));
	}

	/** The outbox message ids a mail refers to, the one it answers first. */
	private static List<UUID> referred(Message mail) throws MessagingException {
		List<UUID> ids = new ArrayList<>();
		for (String header : new String[] {"In-Reply-To", "References"}) {
			String[] values = mail.getHeader(header);
			if (values != null) {
				for (String value : values) {
					Matcher matcher = MESSAGE_ID.matcher(value);
					while (matcher.find()) {
						try {
							UUID id = UUID.fromString(matcher.group(1));
							if (!ids.contains(id)) {
								ids.add(id);
							}
						}
						catch (IllegalArgumentException e) {
							// not one of ours
						}
					}
				}
			}
		}
		return ids;
	}

	/** The municipality whose De-Mail address received the mail; else the one configured for mail naming none. */
	private Tenant municipality(Message mail) throws MessagingException {
		List<String> recipients = new ArrayList<>();
		Address[] all = mail.getAllRecipients();
		if (all != null) {
			for (Address address : all) {
				if (address instanceof InternetAddress internet) {
					recipients.add(internet.getAddress());
				}
			}
		}
		for (String header : new String[] {"Delivered-To", "X-Original-To", "Envelope-to"}) {
			String[] values = mail.getHeader(header);
			if (values != null) {
				recipients.addAll(List.of(values));
			}
		}
		return recipients.stream().map(settings::municipalityOf).flatMap(Optional::stream).map(this::bySlug).flatMap(Optional::stream)
			.findFirst().or(() -> Optional.ofNullable(inbound.municipality()).flatMap(this::bySlug)).orElse(tenants.all().getFirst());
	}

	private Optional<Tenant> bySlug(String slug) {
		return tenants.all().stream().filter(m -> m.slug().equals(slug.toLowerCase(Locale.ROOT))).findFirst();
	}

	private static String key(Message mail, byte[] raw) throws Exception {
		String[] ids = mail.getHeader("Message-ID");
		if (ids != null && ids.length > 0 && !ids[0].isBlank()) {
			return "de-mail:" + ids[0].strip();
		}
		return "de-mail:sha256:" + de.openrathaus.files.Sha256.hex(raw);
	}

	private static @Nullable String sender(DeMailAttestation.Attested attested) {
		return attested.field("x-de-mail-sender").map(InboundPoller::shorten).orElse(null);
	}

	private static @Nullable String subject(Message mail) {
		try {
			return mail.getSubject() == null ? null : InboundPoller.shorten(mail.getSubject());
		}
		catch (MessagingException e) {
			return null;
		}
	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, Locale.GERMAN);
	}
}
