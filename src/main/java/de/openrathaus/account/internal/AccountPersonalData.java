// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import de.openrathaus.personaldata.PersonalData;
import de.openrathaus.personaldata.PersonalDataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account itself, its sign-ins through BundID or another identity provider, its organisations and
 * its second factor (that one exists, never the secret). The password is kept only as a hash, which
 * is not personal data a person can use and is left out.
 */
@Component
class AccountPersonalData implements PersonalDataSource {

	private final JdbcClient jdbc;

	AccountPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public PersonalData about(UUID account) {
		List<PersonalData.Entry> entries = new ArrayList<>(jdbc.sql("""
				select kind, email, contact_email, display_name, trust_level, email_verified_at, created_at, last_login_at
				  from account.account where id = ?""")
			.param(account)
			.query((rs, row) -> PersonalData.Entry.of("account", "kind", rs.getString(1), "email", rs.getString(2),
					"contactEmail", rs.getString(3), "name", rs.getString(4), "trustLevel", rs.getString(5),
					"emailVerifiedAt", PersonalData.time(rs.getTimestamp(6)), "createdAt", PersonalData.time(rs.getTimestamp(7)), "lastSignInAt", PersonalData.time(rs.getTimestamp(8))))
			.list());
		entries.addAll(jdbc.sql("select issuer, subject, linked_at, last_sign_in_at from account.federated_identity where account_id = ? order by linked_at")
			.param(account)
			.query((rs, row) -> PersonalData.Entry.of("federatedIdentity", "issuer", rs.getString(1), "subject", rs.getString(2),
					"linkedAt", PersonalData.time(rs.getTimestamp(3)), "lastSignInAt", PersonalData.time(rs.getTimestamp(4))))
			.list());
		entries.addAll(jdbc.sql("""
				select o.name, m.since, m.last_acted_at from account.membership m join account.organisation o on o.id = m.organisation_id
				 where m.account_id = ?""")
			.param(account)
			.query((rs, row) -> PersonalData.Entry.of("organisation", "name", rs.getString(1), "since", PersonalData.time(rs.getTimestamp(2)),
					"lastActedAt", PersonalData.time(rs.getTimestamp(3))))
			.list());
		return new PersonalData("account", entries, List.of());
	}
}
