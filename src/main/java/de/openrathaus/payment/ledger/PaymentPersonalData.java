// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
}
