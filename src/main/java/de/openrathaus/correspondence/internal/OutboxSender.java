// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.internal;

import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import de.openrathaus.tenancy.Tenant;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.Tenants;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works off the outbox of every municipality, one mail at a time and never inside a database
 * transaction while talking to the mail server: a short transaction claims the next due mail (rows
 * locked with {@code skip locked}, so several instances can send side by side) by moving its next
 * attempt one lease into the future, commits, the mail is delivered with the transport's timeouts,
 * and a second short transaction marks it SENT or schedules the next attempt with a growing pause
 * (FAILED after the last). A mail server that hangs therefore costs each mail at most its timeouts,
 * holds no lock, and the other mails keep going out. Delivery is at least once: if the instance dies
 * between delivery and the second transaction, the lease runs out and the mail is sent again.
 * Logs carry mail ids only, never addresses or contents.
 */
@Component
class OutboxSender {

	private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
	/** At most this many mails per municipality and round, so one municipality's backlog cannot starve the others. */
	private static final int BATCH = 25;

	private final JdbcClient jdbc;
	private final Tenants tenants;
	private final MailTransport transport;
	private final CorrespondenceSettings settings;
	private final TransactionTemplate transactions;
	private final Clock clock;

	OutboxSender(JdbcClient jdbc, Tenants tenants, MailTransport transport, CorrespondenceSettings settings,
			TransactionTemplate transactions, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.tenants = tenants;
		this.transport = transport;
		this.settings = settings;
		this.transactions = transactions;
	}

	@SchedulerLock(name = "correspondence.outbox", lockAtMostFor = "PT10M")
	@Scheduled(fixedDelayString = "${openrathaus.mail.send-interval:2s}", initialDelayString = "${openrathaus.mail.send-interval:2s}")
	void sendDue() {
		for (Tenant tenant : tenants.all()) {
			TenantContext.runAs(tenant.id(), this::sendDueOfCurrentTenant);
		}
	}

	/** Sends what is due for the bound municipality; returns how many mails were delivered. */
	int sendDueOfCurrentTenant() {
		int delivered = 0;
		for (int i = 0; i < BATCH; i++) {
			Optional<Pending> next = claimNext();
			if (next.isEmpty()) {
				break;
			}
			delivered += deliver(next.get()) ? 1 : 0;
		}
		return delivered;
	}

	/** Takes the next due mail out of the other senders' way for one lease, in a transaction of its own. */
	private Optional<Pending> claimNext() {
		return transactions.execute(status -> jdbc.sql("""
				update correspondence.outgoing_mail m set next_attempt_at = now() + make_interval(secs => ?)
				 where m.id = (select id from correspondence.outgoing_mail where status = 'PENDING' and next_attempt_at <= now()
				                order by next_attempt_at limit 1 for update skip locked)
				returning m.id, m.recipient, m.subject, m.body, m.attempts""")
			.param((double) settings.lease().toSeconds())
			.query((rs, row) -> new Pending(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
			.optional());
	}

	private boolean deliver(Pending mail) {
		try {
			transport.deliver(compose(mail), mail.id().toString());
		}
		catch (Exception e) {
			int attempts = mail.attempts() + 1;
			boolean last = attempts >= settings.maxAttempts();
			Duration pause = Duration.ofSeconds((long) Math.min(3600, 5 * Math.pow(2, attempts - 1)));
			transactions.executeWithoutResult(status -> jdbc.sql(
					"update correspondence.outgoing_mail set attempts = ?, status = ?, next_attempt_at = ?, last_error = ? where id = ? and status = 'PENDING'")
				.params(attempts, last ? "FAILED" : "PENDING", Timestamp.from(clock.instant().plus(pause)), e.getClass().getSimpleName(), mail.id())
				.update());
			log.warn("Mail {} not delivered (attempt {} of {}): {}", mail.id(), attempts, settings.maxAttempts(), e.getClass().getSimpleName());
			return false;
		}
		transactions.executeWithoutResult(status -> jdbc.sql(
				"update correspondence.outgoing_mail set status = 'SENT', sent_at = now(), attempts = attempts + 1, last_error = null where id = ?")
			.param(mail.id()).update());
		return true;
	}

	private MimeMessage compose(Pending mail) throws Exception {
		InternetAddress from = new InternetAddress(settings.from(), true);
		String messageId = messageId(mail.id(), from);
		MimeMessage message = new MimeMessage(MailTransports.SESSION) {
			@Override
			protected void updateMessageID() throws jakarta.mail.MessagingException {
				setHeader("Message-ID", messageId);
			}
		};
		message.setFrom(from);
		message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.recipient(), true));
		message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
		message.setText(mail.body(), StandardCharsets.UTF_8.name());
		message.setSentDate(new Date());
		message.setHeader("Auto-Submitted", "auto-generated");
		message.saveChanges();
		return message;
	}

	/**
	 * The mail's Message-ID, derived from its outbox id alone: a mail sent again after a crash between
	 * delivery and marking it sent carries the same id, so the receiving side can drop the duplicate.
	 */
	static String messageId(UUID outboxId, InternetAddress from) {
		String address = from.getAddress();
		int at = address.lastIndexOf('@');
		String domain = at < 0 || at == address.length() - 1 ? "openrathaus.localhost" : address.substring(at + 1);
		return "<" + outboxId + "@" + domain + ">";
	}

	private record Pending(UUID id, String recipient, String subject, String body, int attempts) {
	}
}
