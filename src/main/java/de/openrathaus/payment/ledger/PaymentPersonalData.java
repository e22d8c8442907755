// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import de.openrathaus.personaldata.Erasure;
import de.openrathaus.personaldata.PersonalData;
import de.openrathaus.personaldata.PersonalDataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The fees the account was asked to pay and every payment it made or started, with their state. */
@Component
class PaymentPersonalData implements PersonalDataSource {

	private final JdbcClient jdbc;

	PaymentPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public PersonalData about(UUID account) {
		List<PersonalData.Entry> entries = new ArrayList<>(jdbc.sql("""
				select reference, amount_cents, purpose, description, due_on, created_at from payment.payment_request
				 where payer = ? order by created_at""")
			.param(account.toString())
			.query((rs, row) -> PersonalData.Entry.of("paymentRequest", "reference", rs.getString(1), "amountCents", rs.getLong(2),
					"purpose", rs.getString(3), "description", rs.getString(4), "dueOn", String.valueOf(rs.getObject(5)),
					"createdAt", PersonalData.time(rs.getTimestamp(6))))
			.list());
		entries.addAll(jdbc.sql("""
				select amount_cents, currency, purpose, description, provider, status, created_at, settled_at from payment.payment
				 where payer = ? order by created_at""")
			.param(account.toString())
			.query((rs, row) -> PersonalData.Entry.of("payment", "amountCents", rs.getLong(1), "currency", rs.getString(2),
					"purpose", rs.getString(3), "description", rs.getString(4), "provider", rs.getString(5), "status", rs.getString(6),
					"createdAt", PersonalData.time(rs.getTimestamp(7)), "settledAt", PersonalData.time(rs.getTimestamp(8))))
			.list());
		return new PersonalData("payments", entries, List.of());
	}

	/**
	 * Payment requests and payments are accounting records, which municipal budget law and § 147 AO
	 * keep for ten years: nothing is removed. A payment still open at a provider stands in the way, as
	 * does a refund not yet paid out.
	 */
	@Override
	@Transactional(readOnly = true)
	public Erasure erase(UUID account, Mode mode) {
		Erasure.Builder answer = Erasure.of("payments");
		String payer = account.toString();
		jdbc.sql("select purpose from payment.payment where payer = ? and status in ('CREATED', 'PENDING') order by created_at").param(payer)
			.query((rs, row) -> rs.getString(1)).list()
			.forEach(purpose -> answer.blocking("payment", null, "paymentOpen"));
		jdbc.sql("""
				select r.id from payment.refund r join payment.payment p on p.id = r.payment_id
				 where p.payer = ? and r.status in ('REQUESTED', 'APPROVED')""").param(payer)
			.query((rs, row) -> rs.getString(1)).list()
			.forEach(refund -> answer.blocking("refund", null, "refundOpen"));
		int requests = jdbc.sql("select count(*) from payment.payment_request where payer = ?").param(payer).query(Integer.class).single();
		int payments = jdbc.sql("select count(*) from payment.payment where payer = ? and status not in ('CREATED', 'PENDING')").param(payer)
			.query(Integer.class).single();
		answer.kept("paymentRequest", requests, null, "accounting", "10").kept("payment", payments, null, "accounting", "10");
		return answer.build();
	}
}
