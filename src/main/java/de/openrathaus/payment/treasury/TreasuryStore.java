// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment.treasury;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import de.openrathaus.account.AccountId;
import de.openrathaus.payment.PaymentId;
import de.openrathaus.payment.PaymentStatus;
import de.openrathaus.payment.Payments.Item;
import de.openrathaus.tax.Money;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The treasury's reads and writes of the payment schema (row-level security), in the caller's transaction. */
@Repository
class TreasuryStore {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String PAYMENT = "select id, provider, provider_ref, amount_cents, status, purpose, created_at, settled_at, items "
			+ "from payment.payment ";
	private static final String REFUND = "select id, payment_id, amount_cents, reason, status, requested_by, requested_at, decided_by, "
			+ "decided_at, paid_out_by, paid_out_at from payment.refund ";

	private final JdbcClient jdbc;

	TreasuryStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The payments a day's reconciliation looks at: those settled that day, and those started that day that
	 * we did not book (a provider may have taken money we never learnt of), each with a provider reference.
	 */
	List<Booked> ofDay(Instant from, Instant to) {
		return jdbc.sql(PAYMENT + "where provider_ref is not null and ((status = 'SETTLED' and settled_at >= ? and settled_at < ?) "
				+ "or (status <> 'SETTLED' and created_at >= ? and created_at < ?)) order by coalesce(settled_at, created_at), id")
			.params(Timestamp.from(from), Timestamp.from(to), Timestamp.from(from), Timestamp.from(to)).query(TreasuryStore::booked).list();
	}

	/** Settled payments by the time of settlement, for the accounting export. */
	List<Booked> settled(Instant from, Instant to) {
		return jdbc.sql(PAYMENT + "where status = 'SETTLED' and settled_at >= ? and settled_at < ? order by settled_at, id")
			.params(Timestamp.from(from), Timestamp.from(to)).query(TreasuryStore::booked).list();
	}

	Optional<Booked> payment(PaymentId id) {
		return jdbc.sql(PAYMENT + "where id = ?").param(id.value()).query(TreasuryStore::booked).optional();
	}

	/** Locks the payment's row until commit: refunds of one payment are decided one after the other. */
	Optional<Booked> lockPayment(PaymentId id) {
		return jdbc.sql(PAYMENT + "where id = ? for update").param(id.value()).query(TreasuryStore::booked).optional();
	}

	/** What is refunded or on its way to be (every refund not rejected). */
	Money committedRefunds(PaymentId id) {
		return new Money(jdbc.sql("select coalesce(sum(amount_cents), 0) from payment.refund where payment_id = ? and status <> 'REJECTED'")
			.param(id.value()).query(Long.class).single());
	}

	void insert(Refund refund) {
		jdbc.sql("insert into payment.refund (id, payment_id, amount_cents, reason, status, execution, requested_by, requested_at) "
				+ "values (?, ?, ?, ?, 'REQUESTED', 'MANUAL', ?, ?)")
			.params(refund.id(), refund.payment().value(), refund.amount().cents(), refund.reason(), refund.requestedBy().value(),
					Timestamp.from(refund.requestedAt()))
			.update();
	}

	Optional<Refund> lockRefund(UUID id) {
		return jdbc.sql(REFUND + "where id = ? for update").param(id).query(TreasuryStore::refund).optional();
	}

	/** Guarded: from REQUESTED only. */
	boolean decide(UUID id, Refund.Status to, AccountId by, Instant at) {
		return jdbc.sql("update payment.refund set status = ?, decided_by = ?, decided_at = ? where id = ? and status = 'REQUESTED'")
			.params(to.name(), by.value(), Timestamp.from(at), id).update() == 1;
	}

	/** Guarded: from APPROVED only. */
	boolean paidOut(UUID id, AccountId by, Instant at) {
		return jdbc.sql("update payment.refund set status = 'PAID_OUT', paid_out_by = ?, paid_out_at = ? where id = ? and status = 'APPROVED'")
			.params(by.value(), Timestamp.from(at), id).update() == 1;
	}

	List<Refund> refunds(int limit) {
		return jdbc.sql(REFUND + "order by case status when 'REQUESTED' then 0 when 'APPROVED' then 1 else 2 end, requested_at desc limit ?")
			.param(limit).query(TreasuryStore::refund).list();
	}

	List<Refund> refundsOf(PaymentId id) {
		return jdbc.sql(REFUND + "where payment_id = ? order by requested_at").param(id.value()).query(TreasuryStore::refund).list();
	}

	/** Refunds paid out in the period, for the accounting export. */
	List<Refund> paidOut(Instant from, Instant to) {
		return jdbc.sql(REFUND + "where status = 'PAID_OUT' and paid_out_at >= ? and paid_out_at < ? order by paid_out_at, id")
			.params(Timestamp.from(from), Timestamp.from(to)).query(TreasuryStore::refund).list();
	}

	record HistoryEntry(String kind, @Nullable String from, @Nullable String to, @Nullable String detail, Instant at) {
	}

	List<HistoryEntry> history(PaymentId id) {
		return jdbc.sql("select kind, from_status, to_status, detail, at from payment.payment_event where payment_id = ? order by id")
			.param(id.value()).query((rs, n) -> new HistoryEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5).toInstant())).list();
	}

	/** The audit trail of the payment: who did what to which refund (account ids and amounts, no names). */
	void audit(PaymentId id, String kind, String detail, Instant at) {
		jdbc.sql("insert into payment.payment_event (payment_id, kind, detail, at) values (?, ?, ?, ?)")
			.params(id.value(), kind, detail, Timestamp.from(at)).update();
	}

	private static Booked booked(ResultSet rs, int row) throws SQLException {
		List<Item> items = new ArrayList<>();
		for (JsonNode i : JSON.readTree(rs.getString("items"))) {
			items.add(new Item(i.path("reference").asString(""), i.path("description").asString(""), i.path("quantity").asInt(1),
					new Money(i.path("unitCents").asLong()), new Money(i.path("totalCents").asLong()), i.path("costCentre").asString(""),
					i.path("account").asString("")));
		}
		Timestamp settled = rs.getTimestamp("settled_at");
		return new Booked(new PaymentId(rs.getObject("id", UUID.class)), rs.getString("provider"), rs.getString("provider_ref"),
				new Money(rs.getLong("amount_cents")), PaymentStatus.valueOf(rs.getString("status")), rs.getString("purpose"),
				rs.getTimestamp("created_at").toInstant(), settled == null ? null : settled.toInstant(), items);
	}

	private static Refund refund(ResultSet rs, int row) throws SQLException {
		return new Refund(rs.getObject("id", UUID.class), new PaymentId(rs.getObject("payment_id", UUID.class)),
				new Money(rs.getLong("amount_cents")), rs.getString("reason"), Refund.Status.valueOf(rs.getString("status")),
				new AccountId(rs.getObject("requested_by", UUID.class)), rs.getTimestamp("requested_at").toInstant(),
				account(rs, "decided_by"), instant(rs, "decided_at"), account(rs, "paid_out_by"), instant(rs, "paid_out_at"));
	}

	private static @Nullable AccountId account(ResultSet rs, String column) throws SQLException {
		UUID id = rs.getObject(column, UUID.class);
		return id == null ? null : new AccountId(id);
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
