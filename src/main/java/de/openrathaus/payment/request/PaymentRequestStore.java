// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment.request;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import de.openrathaus.payment.Payments;
import de.openrathaus.tax.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The payment requests of the current municipality (row-level security), in the caller's transaction. */
@Repository
class PaymentRequestStore {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String COLUMNS = "r.id, r.subject, r.payer, r.regarding, r.reference, r.amount_cents, r.purpose, r.description, "
			+ "r.items, r.due_on, r.reminder_stage, exists (select 1 from payment.payment p where p.subject = r.subject "
			+ "and p.status = 'SETTLED') as paid";

	private final JdbcClient jdbc;

	PaymentRequestStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores the request unless its subject has one; true when this call stored it. */
	boolean create(StoredRequest request, Instant now) {
		List<Map<String, Object>> items = request.items().stream().map(i -> Map.<String, Object>of("reference", i.reference(),
				"description", i.description(), "quantity", i.quantity(), "unitCents", i.unitPrice().cents(),
				"totalCents", i.total().cents(), "costCentre", i.costCentre(), "account", i.account())).toList();
		return jdbc.sql("insert into payment.payment_request (id, subject, payer, regarding, reference, amount_cents, purpose, description, "
				+ "items, due_on, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?) on conflict (tenant_id, subject) do nothing")
			.params(request.id(), request.subject(), request.payer(), request.regarding(), request.reference(), request.amount().cents(),
					request.purpose(), request.description(), JSON.writeValueAsString(items), request.dueOn(), Timestamp.from(now))
			.update() == 1;
	}

	Optional<StoredRequest> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from payment.payment_request r where r.id = ?").param(id)
			.query(PaymentRequestStore::map).optional();
	}

	Optional<StoredRequest> ofSubject(String subject) {
		return jdbc.sql("select " + COLUMNS + " from payment.payment_request r where r.subject = ?").param(subject)
			.query(PaymentRequestStore::map).optional();
	}

	/** Unpaid requests whose due date lies before {@code today}, oldest first. */
	List<StoredRequest> overdue(LocalDate today, int limit) {
		return jdbc.sql("select " + COLUMNS + " from payment.payment_request r where r.due_on < ? and not exists "
				+ "(select 1 from payment.payment p where p.subject = r.subject and p.status = 'SETTLED') order by r.due_on limit ?")
			.params(today, limit).query(PaymentRequestStore::map).list();
	}

	/** Guarded: moves the reminder stage on only from the stage read, so one stage is sent once. */
	boolean reminded(UUID id, int from, int to, Instant now) {
		return jdbc.sql("update payment.payment_request set reminder_stage = ?, reminded_at = ? where id = ? and reminder_stage = ?")
			.params(to, Timestamp.from(now), id, from).update() == 1;
	}

	/** The request's history, beside the payments' own (no personal data in {@code detail}). */
	void history(String kind, String detail, Instant at) {
		jdbc.sql("insert into payment.payment_event (payment_id, kind, detail, at) values (null, ?, ?, ?)")
			.params(kind, detail, Timestamp.from(at)).update();
	}

	private static StoredRequest map(ResultSet rs, int row) throws SQLException {
		List<Payments.Item> items = new ArrayList<>();
		for (JsonNode i : JSON.readTree(rs.getString("items"))) {
			items.add(new Payments.Item(i.path("reference").asString(""), i.path("description").asString(""), i.path("quantity").asInt(1),
					new Money(i.path("unitCents").asLong()), new Money(i.path("totalCents").asLong()), i.path("costCentre").asString(""),
					i.path("account").asString("")));
		}
		return new StoredRequest(rs.getObject("id", UUID.class), rs.getString("subject"), rs.getString("payer"),
				rs.getObject("regarding", UUID.class), rs.getString("reference"), new Money(rs.getLong("amount_cents")),
				rs.getString("purpose"), rs.getString("description"), items, rs.getObject("due_on", LocalDate.class),
				rs.getInt("reminder_stage"), rs.getBoolean("paid"));
	}
}
