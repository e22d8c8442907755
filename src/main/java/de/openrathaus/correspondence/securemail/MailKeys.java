// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.securemail;

import java.sql.Timestamp;
import java.util.Optional;

import de.openrathaus.account.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The key each account stored for encrypted mail (one at a time; a new one replaces the old). */
@Component
public class MailKeys {

	private final JdbcClient jdbc;

	MailKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<MailKey> of(AccountId account) {
		return jdbc.sql("select kind, fingerprint, expires_at, material from correspondence.mail_key where account_id = ?")
			.param(account.value())
			.query((rs, row) -> new MailKey(MailKey.Kind.valueOf(rs.getString(1)), rs.getString(2),
					rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(), rs.getBytes(4)))
			.optional();
	}

	void store(AccountId account, MailKey key) {
		jdbc.sql("""
				insert into correspondence.mail_key(account_id, kind, fingerprint, expires_at, material) values (?, ?, ?, ?, ?)
				on conflict (tenant_id, account_id) do update set kind = excluded.kind, fingerprint = excluded.fingerprint,
				    expires_at = excluded.expires_at, material = excluded.material, stored_at = now()""")
			.params(account.value(), key.kind().name(), key.fingerprint(), key.expiresAt() == null ? null : Timestamp.from(key.expiresAt()),
					key.material())
			.update();
	}

	void remove(AccountId account) {
		jdbc.sql("delete from correspondence.mail_key where account_id = ?").param(account.value()).update();
	}
}
