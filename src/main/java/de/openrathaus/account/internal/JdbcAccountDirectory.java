// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.util.List;
import java.util.Optional;

import de.openrathaus.account.AccountDirectory;
import de.openrathaus.account.AccountId;
import de.openrathaus.account.AccountKind;
import de.openrathaus.account.DepartmentCode;
import de.openrathaus.account.TrustLevel;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class JdbcAccountDirectory implements AccountDirectory {

	private final JdbcClient jdbc;

	JdbcAccountDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<AccountSummary> citizenByEmail(String email) {
		String address = email.strip().toLowerCase(java.util.Locale.ROOT);
		List<AccountSummary> found = jdbc.sql("""
				select id, kind, coalesce(email, contact_email), display_name, trust_level from account.account
				 where kind <> 'STAFF' and (email = ? or contact_email = ?)""")
			.params(address, address)
			.query((rs, row) -> new AccountSummary(new AccountId(rs.getObject(1, java.util.UUID.class)), AccountKind.valueOf(rs.getString(2)),
					rs.getString(3), rs.getString(4), TrustLevel.valueOf(rs.getString(5))))
			.list();
		// an address that two accounts share (a sign-in address and another's contact address) names no one for sure
		return found.size() == 1 ? Optional.of(found.getFirst()) : Optional.empty();
	}

	@Override
	public Optional<AccountSummary> find(AccountId id) {
		return jdbc.sql("select kind, coalesce(email, contact_email), display_name, trust_level from account.account where id = ?")
				.param(id.value())
				.query((rs, row) -> new AccountSummary(id, AccountKind.valueOf(rs.getString(1)), rs.getString(2),
						rs.getString(3), TrustLevel.valueOf(rs.getString(4))))
				.optional();
	}

	@Override
	public Optional<String> organisationName(de.openrathaus.account.OrganisationId id) {
		return jdbc.sql("select name from account.organisation where id = ?").param(id.value()).query(String.class).optional();
	}

	@Override
	public Optional<java.util.UUID> bundIdMailbox(de.openrathaus.account.AccountId id) {
		return jdbc.sql("select mailbox from account.federated_identity where account_id = ? and mailbox is not null "
				+ "order by last_sign_in_at desc limit 1").param(id.value()).query(java.util.UUID.class).optional();
	}

	@Override
	public List<AccountSummary> staffWith(de.openrathaus.account.StaffRole role) {
		return jdbc.sql("""
				select a.id, a.kind, coalesce(a.email, a.contact_email), a.display_name, a.trust_level from account.account a
				 where a.enabled and a.kind = 'STAFF' and exists (select 1 from account.staff_role r where r.account_id = a.id and r.role = ?)
				 order by a.display_name""")
			.param(role.name())
			.query((rs, row) -> new AccountSummary(new de.openrathaus.account.AccountId(rs.getObject(1, java.util.UUID.class)),
					AccountKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), TrustLevel.valueOf(rs.getString(5))))
			.list();
	}

	@Override
	public List<Department> departments() {
		return jdbc.sql("select code, name from account.department order by name")
				.query((rs, row) -> new Department(new DepartmentCode(rs.getString(1)), rs.getString(2))).list();
	}
}
