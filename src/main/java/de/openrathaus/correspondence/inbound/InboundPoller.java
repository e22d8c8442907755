// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.inbound;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import de.openrathaus.correspondence.ReplyReceived;
import de.openrathaus.files.ScanVerdict;
import de.openrathaus.files.UploadScanner;
import de.openrathaus.procedure.ApplicationId;
import de.openrathaus.tenancy.Tenant;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.Tenants;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the city's mailbox over IMAP (with timeouts, never inside a database transaction): each
 * unread mail is checked for malware and kept, in one short transaction, either filed into the
 * case its reply address names (and {@link ReplyReceived} published with it) or in the triage
 * list with the reason (no or unknown reply address, too large, unreadable, malware). Only after
 * that commit is the mail marked read, so a crash in between reads it again, and its Message-ID
 * keeps it from being filed twice. A scanner that cannot check leaves the mail unread for the next
 * round. One bad mail never stops the others. Logs name no sender, subject or address.
 */
@Component
class InboundPoller {

	private final InboundSettings settings;
	private final ReplyAddresses addresses;
	private final InboundStore store;
	private final UploadScanner scanner;
	private final Tenants tenants;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final MessageSource messages;
	private final Clock clock;

	InboundPoller(InboundSettings settings, ReplyAddresses addresses, InboundStore store, UploadScanner scanner, Tenants tenants,
			TransactionTemplate transactions, ApplicationEventPublisher events, MessageSource messages, Clock clock) {
		this.settings = settings;
		this.addresses = addresses;
		this.store = store;
		this.scanner = scanner;
		this.tenants = tenants;
		this.transactions = transactions;
		this.events = events;
		this.messages = messages;
		this.clock = clock;
	}

	@SchedulerLock(name = "correspondence.inbound", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1S")
	@Scheduled(fixedDelayString = "${openrathaus.inbound.poll-interval:60s}", initialDelayString = "${openrathaus.inbound.poll-interval:60s}")
	void poll() {
		if (settings.active()) {
			pollNow();
		}
	}

	/** Reads one batch; returns how many mails were kept (filed or in triage). */
	int pollNow() {
		return new ImapMailbox("City mailbox", settings.protocol(), settings.host(), settings.port(), settings.username(), settings.password(),
				settings.folder(), settings.connectTimeout(), settings.readTimeout(), settings.batch()).readUnread(this::take);
	}

	/** Keeps one mail; false when it must stay unread for a later round (the scanner could not check it). */
	private boolean take(Message mail) throws Exception {
		int size = mail.getSize();
		String reason = null;
		byte[] raw;
		if (size > settings.maxSize()) {
			raw = headers(mail);
			reason = text("inbound.reason.tooLarge");
		}
		else {
			try {
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				mail.writeTo(out);
				raw = out.toByteArray();
				size = raw.length;
			}
			catch (Exception e) {
				raw = headers(mail);
				reason = text("inbound.reason.unreadable");
			}
		}
		if (reason == null) {
			ScanVerdict verdict = scanner.scan(raw, "correspondence.inbound");
			if (verdict.outcome() == ScanVerdict.Outcome.FAILED) {
				return false;
			}
			if (verdict.outcome() == ScanVerdict.Outcome.INFECTED) {
				raw = headers(mail);
				reason = text("inbound.reason.malware");
			}
		}
		String key = key(mail, raw);
		Optional<ReplyAddresses.Target> target = recipients(mail).stream().map(addresses::target).flatMap(Optional::stream).findFirst();
		Tenant municipality = target.flatMap(t -> bySlug(t.municipality())).or(() -> Optional.ofNullable(settings.municipality()).flatMap(this::bySlug))
			.orElse(tenants.all().getFirst());
		String sender = sender(mail);
		String subject = subject(mail);
		byte[] content = raw;
		String cause = reason;
		int length = size;
		TenantContext.runAs(municipality.id(), () -> transactions.executeWithoutResult(s -> {
			ReplyAddresses.Case found = target.flatMap(t -> addresses.caseOf(t.token())).orElse(null);
			String why = cause != null ? cause : found == null ? text(target.isPresent() ? "inbound.reason.unknownCase" : "inbound.reason.noCase") : null;
			InboundStore.Status status = why == null ? InboundStore.Status.FILED : InboundStore.Status.TRIAGE;
			store.keep(key, why == null ? found : null, status, why, sender, subject, length, content).ifPresent(id -> {
				if (status == InboundStore.Status.FILED) {
					events.publishEvent(new ReplyReceived(municipality.id(), id, new ApplicationId(found.application()), found.reference(),
							clock.instant()));
				}
			});
		}));
		return true;
	}

	private Optional<Tenant> bySlug(String slug) {
		return tenants.all().stream().filter(m -> m.slug().equals(slug)).findFirst();
	}

	private static List<String> recipients(Message mail) throws MessagingException {
		List<String> recipients = new ArrayList<>();
		Address[] all = mail.getAllRecipients();
		if (all != null) {
			for (Address address : all) {
				if (address instanceof InternetAddress internet) {
					recipients.add(internet.getAddress());
				}
			}
		}
		for (String header : new String[] {"Delivered-To", "X-Original-To"}) {
			String[] values = mail.getHeader(header);
			if (values != null) {
				recipients.addAll(List.of(values));
			}
		}
		return recipients;
	}

	private static String key(Message mail, byte[] raw) throws Exception {
		String[] ids = mail.getHeader("Message-ID");
		if (ids != null && ids.length > 0 && !ids[0].isBlank()) {
			return ids[0].strip();
		}
		return "sha256:" + de.openrathaus.files.Sha256.hex(raw);
	}

	static byte[] headers(Message mail) {
		try {
			StringBuilder text = new StringBuilder();
			for (var header : java.util.Collections.list(((MimeMessage) mail).getAllHeaderLines())) {
				text.append(header).append("\r\n");
			}
			return text.append("\r\n").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (Exception e) {
			return new byte[0];
		}
	}

	static @Nullable String sender(Message mail) {
		try {
			Address[] from = mail.getFrom();
			return from == null || from.length == 0 ? null : shorten(from[0].toString());
		}
		catch (MessagingException e) {
			return null;
		}
	}

	private static @Nullable String subject(Message mail) {
		try {
			return mail.getSubject() == null ? null : shorten(mail.getSubject());
		}
		catch (MessagingException e) {
			return null;
		}
	}

	static String shorten(String text) {
		String clean = text.replaceAll("\\p{Cntrl}", " ");
		return clean.length() > 300 ? clean.substring(0, 300) : clean;
	}

	private String text(String code) {
		return messages.getMessage(code, null, java.util.Locale.GERMAN);
	}
}
