// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment.ledger;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import de.openrathaus.payment.PaymentId;
import de.openrathaus.payment.PaymentStatus;
import de.openrathaus.payment.Payments.Item;
import de.openrathaus.tax.Money;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/** The payment schema of the current municipality (row-level security). Called inside the caller's transaction. */
@Repository
class PaymentStore {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String COLUMNS = "id, subject, amount_cents, purpose, description, payer, provider, provider_ref, "
			+ "payment_page, return_to, status, created_at, polls";

	private final JdbcClient jdbc;

	PaymentStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void create(Payment payment, List<Item> items, Instant now) {
		jdbc.sql("insert into payment.payment (id, subject, amount_cents, purpose, description, items, payer, provider, return_to, "
				+ "status, created_at, changed_at) values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, 'CREATED', ?, ?)")
			.params(payment.id().value(), payment.subject(), payment.amount().cents(), payment.purpose(), payment.description(),
					JSON.writeValueAsString(items.stream().map(i -> java.util.Map.of("reference", i.reference(),
							"quantity", i.quantity(), "unitCents", i.unitPrice().cents(), "totalCents", i.total().cents(),
							"costCentre", i.costCentre(), "account", i.account())).toList()),
					payment.payer(), payment.provider(), payment.returnTo().toString(), Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	Optional<Payment> find(PaymentId id) {
		return jdbc.sql("select " + COLUMNS + " from payment.payment where id = ?").param(id.value()).query(PaymentStore::map).optional();
	}

	Optional<Payment> byProviderRef(String provider, String providerRef) {
		return jdbc.sql("select " + COLUMNS + " from payment.payment where provider = ? and provider_ref = ?")
			.params(provider, providerRef).query(PaymentStore::map).optional();
	}

	List<Payment> ofSubject(String subject) {
		return jdbc.sql("select " + COLUMNS + " from payment.payment where subject = ? order by created_at desc")
			.param(subject).query(PaymentStore::map).list();
	}

	/** Guarded: true only when the payment was still in {@code move.from()}. */
	boolean apply(Payment.Move move, Instant now) {
		return jdbc.sql("update payment.payment set status = ?, changed_at = ?, settled_at = case when ?::text = 'SETTLED' then ?::timestamptz end, "
				+ "next_poll_at = null where id = ? and status = ?")
			.params(move.to().name(), Timestamp.from(now), move.to().name(), Timestamp.from(now), move.id().value(), move.from().name())
			.update() == 1;
	}

	/** CREATED to PENDING with what the provider answered; guarded like {@link #apply}. */
	boolean accepted(Payment.Move move, String providerRef, String page, Instant now, Instant nextPoll) {
		return jdbc.sql("update payment.payment set status = 'PENDING', provider_ref = ?, payment_page = ?, changed_at = ?, "
				+ "next_poll_at = ? where id = ? and status = 'CREATED'")
			.params(providerRef, page, Timestamp.from(now), Timestamp.from(nextPoll), move.id().value()).update() == 1;
	}

	void pollAgain(PaymentId id, Instant next) {
		jdbc.sql("update payment.payment set polls = polls + 1, next_poll_at = ? where id = ? and status = 'PENDING'")
			.params(Timestamp.from(next), id.value()).update();
	}

	List<PaymentId> duePolls(Instant now, int limit) {
		return jdbc.sql("select id from payment.payment where status = 'PENDING' and next_poll_at <= ? order by next_poll_at limit ?")
			.params(Timestamp.from(now), limit).query((rs, n) -> new PaymentId(rs.getObject(1, java.util.UUID.class))).list();
	}

	/** Payments left CREATED (the instance died between storing and asking the provider) before the given time. */
	List<PaymentId> stuckCreated(Instant before) {
		return jdbc.sql("select id from payment.payment where status = 'CREATED' and created_at < ?")
			.param(Timestamp.from(before)).query((rs, n) -> new PaymentId(rs.getObject(1, java.util.UUID.class))).list();
	}

	/** The payment's history: a state change or a notification, accepted or refused. No personal data in {@code detail}. */
	void history(@Nullable PaymentId id, String kind, @Nullable PaymentStatus from, @Nullable PaymentStatus to,
			@Nullable String detail, Instant at) {
		jdbc.sql("insert into payment.payment_event (payment_id, kind, from_status, to_status, detail, at) values (?, ?, ?, ?, ?, ?)")
			.params(id == null ? null : id.value(), kind, from == null ? null : from.name(), to == null ? null : to.name(), detail,
					Timestamp.from(at))
			.update();
	}

	private static Payment map(ResultSet rs, int row) throws SQLException {
		return new Payment(new PaymentId(rs.getObject("id", java.util.UUID.class)), rs.getString("subject"),
				new Money(rs.getLong("amount_cents")), rs.getString("purpose"), rs.getString("description"), rs.getString("payer"),
				rs.getString("provider"), rs.getString("provider_ref"), rs.getString("payment_page"), URI.create(rs.getString("return_to")),
				PaymentStatus.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant(), rs.getInt("polls"));
	}
}
