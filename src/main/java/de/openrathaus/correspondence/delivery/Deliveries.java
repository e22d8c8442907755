// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import de.openrathaus.account.AccountId;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox rows of every channel (table {@code correspondence.delivery}), scoped to the bound
 * municipality by row level security. Status changes are guarded in SQL so that they never move
 * backwards and a repeated report changes nothing.
 */
@Component
class Deliveries {

	private static final String COLUMNS = "id, account_id, application_id, reference, channel, status, subject, body, carries_decision, "
			+ "origin, attempts, reason, fallback_of, created_at, sent_at, delivered_at, opened_at, failed_at, handed_over";

	private final JdbcClient jdbc;

	Deliveries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A message as it stands. */
	record Row(UUID id, AccountId account, @Nullable UUID application, @Nullable String reference, ChannelKind channel,
			DeliveryStatus status, String subject, String body, boolean carriesDecision, @Nullable String origin, int attempts,
			@Nullable String reason, @Nullable UUID fallbackOf, Instant createdAt, @Nullable Instant sentAt,
			@Nullable Instant deliveredAt, @Nullable Instant openedAt, @Nullable Instant failedAt, boolean handedOver) {
	}

	/** Queues a message on a channel, in the caller's transaction. */
	UUID queue(UUID id, AccountId account, @Nullable UUID application, @Nullable String reference, ChannelKind channel,
			String subject, String body, boolean carriesDecision, @Nullable String origin, @Nullable UUID fallbackOf) {
		jdbc.sql("""
				insert into correspondence.delivery(id, account_id, application_id, reference, channel, subject, body,
				    carries_decision, origin, fallback_of) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, account.value(), application, reference, channel.name(), subject, body, carriesDecision, origin, fallbackOf)
			.update();
		return id;
	}

	/** Records the portal mailbox copy, made available in the caller's transaction, as delivered. */
	void mailboxCopy(UUID id, AccountId account, @Nullable UUID application, @Nullable String reference, UUID mailboxMessage,
			String subject, String body, boolean carriesDecision, Instant madeAvailableAt) {
		jdbc.sql("""
				insert into correspondence.delivery(id, account_id, application_id, reference, mailbox_message_id, channel, status,
				    subject, body, carries_decision, attempts, sent_at, delivered_at)
				values (?, ?, ?, ?, ?, 'PORTAL', 'DELIVERED', ?, ?, ?, 1, ?, ?)""")
			.params(id, account.value(), application, reference, mailboxMessage, subject, body, carriesDecision,
					Timestamp.from(madeAvailableAt), Timestamp.from(madeAvailableAt))
			.update();
	}

	/**
	 * Takes the next due message out of the other senders' way for one lease; the caller runs this in
	 * a short transaction. The locking subquery is a scalar one (run once): joined as a table, the
	 * planner may run it again and claim a second row.
	 */
	Optional<Row> claimNext(long leaseSeconds) {
		return jdbc.sql("""
				update correspondence.delivery d set next_attempt_at = now() + make_interval(secs => ?)
				 where d.id = (select id from correspondence.delivery where status = 'QUEUED' and not handed_over and next_attempt_at <= now()
				                order by next_attempt_at limit 1 for update skip locked)
				returning\s""" + prefixed("d."))
			.param((double) leaseSeconds)
			.query(Deliveries::row).optional();
	}

	Optional<Row> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from correspondence.delivery where id = ?").param(id).query(Deliveries::row).optional();
	}

	List<Row> ofApplication(UUID application) {
		return jdbc.sql("select " + COLUMNS + " from correspondence.delivery where application_id = ? order by created_at, channel")
			.param(application).query(Deliveries::row).list();
	}

	/** Those of the applications with a message that failed for good. */
	List<UUID> failedAmong(UUID[] applications) {
		return jdbc.sql("select distinct application_id from correspondence.delivery where status = 'FAILED' and application_id = any(?)")
			.param(applications).query(UUID.class).list();
	}

	/** Counts an attempt that the channel failed and schedules the next one. */
	void retryAt(UUID id, int attempts, Instant next, String reason) {
		jdbc.sql("update correspondence.delivery set attempts = ?, next_attempt_at = ?, reason = ? where id = ? and status = 'QUEUED'")
			.params(attempts, Timestamp.from(next), reason, id).update();
	}

	/** The channel took the message into a queue of its own; it reports later. */
	void handedOver(UUID id, int attempts) {
		jdbc.sql("update correspondence.delivery set handed_over = true, attempts = ?, reason = null where id = ? and status = 'QUEUED'")
			.params(attempts, id).update();
	}

	boolean sent(UUID id, Instant at, @Nullable String carrierReference, @Nullable Integer attempts) {
		return jdbc.sql("""
				update correspondence.delivery set status = 'SENT', sent_at = coalesce(sent_at, ?), reason = null,
				    carrier_reference = coalesce(?, carrier_reference), attempts = coalesce(?, attempts)
				 where id = ? and status = 'QUEUED'""")
			.params(Timestamp.from(at), carrierReference, attempts, id).update() > 0;
	}

	boolean delivered(UUID id, Instant at, @Nullable Integer attempts) {
		return jdbc.sql("""
				update correspondence.delivery set status = 'DELIVERED', sent_at = coalesce(sent_at, ?), delivered_at = ?, reason = null,
				    attempts = coalesce(?, attempts)
				 where id = ? and status in ('QUEUED', 'SENT')""")
			.params(Timestamp.from(at), Timestamp.from(at), attempts, id).update() > 0;
	}

	boolean opened(UUID id, Instant at) {
		return jdbc.sql("""
				update correspondence.delivery set status = 'OPENED', sent_at = coalesce(sent_at, ?), delivered_at = coalesce(delivered_at, ?),
				    opened_at = ? where id = ? and status in ('QUEUED', 'SENT', 'DELIVERED')""")
			.params(Timestamp.from(at), Timestamp.from(at), Timestamp.from(at), id).update() > 0;
	}

	/** The first opening of a portal mailbox message is the opening of its PORTAL delivery. */
	void mailboxMessageOpened(UUID mailboxMessage, Instant at) {
		jdbc.sql("""
				update correspondence.delivery set status = 'OPENED', opened_at = ?
				 where mailbox_message_id = ? and channel = 'PORTAL' and status in ('QUEUED', 'SENT', 'DELIVERED')""")
			.params(Timestamp.from(at), mailboxMessage).update();
	}

	/** Marks the message failed for good; false if it was already past the point where it could fail. */
	boolean failed(UUID id, Instant at, String reason, @Nullable Integer attempts) {
		return jdbc.sql("""
				update correspondence.delivery set status = 'FAILED', failed_at = ?, reason = ?, attempts = coalesce(?, attempts)
				 where id = ? and status in ('QUEUED', 'SENT')""")
			.params(Timestamp.from(at), reason, attempts, id).update() > 0;
	}

	private static String prefixed(String prefix) {
		return prefix + COLUMNS.replace(", ", ", " + prefix);
	}

	private static Row row(ResultSet rs, int row) throws SQLException {
		return new Row(rs.getObject("id", UUID.class), new AccountId(rs.getObject("account_id", UUID.class)),
				rs.getObject("application_id", UUID.class), rs.getString("reference"), ChannelKind.valueOf(rs.getString("channel")),
				DeliveryStatus.valueOf(rs.getString("status")), rs.getString("subject"), rs.getString("body"),
				rs.getBoolean("carries_decision"), rs.getString("origin"), rs.getInt("attempts"), rs.getString("reason"),
				rs.getObject("fallback_of", UUID.class), instant(rs, "created_at"), instant(rs, "sent_at"), instant(rs, "delivered_at"),
				instant(rs, "opened_at"), instant(rs, "failed_at"), rs.getBoolean("handed_over"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}
}
