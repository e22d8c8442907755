// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import de.openrathaus.account.AccountId;
import de.openrathaus.personaldata.Erasure;
import de.openrathaus.personaldata.PersonalData;
import de.openrathaus.personaldata.PersonalDataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account itself, its sign-ins through BundID or another identity provider, its organisations and
 * its second factor (that one exists, never the secret). The password is kept only as a hash, which
 * is not personal data a person can use and is left out.
 * <p>
 * Erasure anonymises the account: its id stays (the records other modules keep under a retention duty
 * name it), everything else goes: name, addresses, password, second factor, sign-in links through
 * identity services, memberships in organisations, open links and tokens, and every session. Staff
 * accounts are not erased here (their data is a matter of the personnel file).
 */
@Component
class AccountPersonalData implements PersonalDataSource {

	private final JdbcClient jdbc;
	private final AccountSessions sessions;

	AccountPersonalData(JdbcClient jdbc, AccountSessions sessions) {
		this.jdbc = jdbc;
		this.sessions = sessions;
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

	@Override
	@Transactional
	public Erasure erase(UUID account, Mode mode) {
		Erasure.Builder answer = Erasure.of("account");
		record State(String kind, boolean erased) {
		}
		var state = jdbc.sql("select kind, erased_at is not null from account.account where id = ?" + (mode == Mode.CARRY_OUT ? " for update" : ""))
			.param(account)
			.query((rs, row) -> new State(rs.getString(1), rs.getBoolean(2)))
			.optional();
		if (state.isEmpty() || state.get().erased()) {
			return answer.build();
		}
		if (!"CITIZEN".equals(state.get().kind())) {
			return answer.blocking("account", null, "staffAccount").build();
		}
		int identities = count("account.federated_identity", account);
		int organisations = count("account.membership", account);
		int secondFactor = count("account.second_factor", account);
		int tokens = count("account.api_token", account) + count("account.verification_token", account)
				+ count("account.password_reset_token", account);
		answer.removed("account", 1).removed("federatedIdentity", identities).removed("organisation", organisations)
			.removed("secondFactor", secondFactor).removed("token", tokens)
			.kept("accountNumber", 1, null, "pseudonym");
		if (mode == Mode.CARRY_OUT) {
			for (String table : new String[] { "federated_identity", "membership", "second_factor", "api_token", "verification_token",
					"password_reset_token" }) {
				jdbc.sql("delete from account." + table + " where account_id = ?").param(account).update();
			}
			jdbc.sql("""
					update account.account set email = null, contact_email = null, password_hash = null, display_name = '',
					       trust_level = 'LOW', email_verified_at = null, last_login_at = null, enabled = false, erased_at = now()
					 where id = ?""").param(account).update();
			sessions.endAll(new AccountId(account));
		}
		return answer.build();
	}

	private int count(String table, UUID account) {
		return jdbc.sql("select count(*) from " + table + " where account_id = ?").param(account).query(Integer.class).single();
	}
}
