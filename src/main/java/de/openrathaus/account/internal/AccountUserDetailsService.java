// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import de.openrathaus.files.InputText;
import de.openrathaus.account.AccountId;
import de.openrathaus.account.AccountKind;
import de.openrathaus.account.DepartmentCode;
import de.openrathaus.account.SignedInUser;
import de.openrathaus.account.StaffRole;
import de.openrathaus.account.TrustLevel;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads accounts of the request's municipality for sign-in; an unconfirmed address or a disabled account is refused
 * only after the password was checked (see SecurityConfiguration). An account without password (created by a
 * federated sign-in) has no sign-in address and is never found here: password sign-in treats it as unknown; nor is an account of staff single sign-on.
 */
@Service
class AccountUserDetailsService implements UserDetailsService {

	private final JdbcClient jdbc;

	AccountUserDetailsService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static String normaliseEmail(String email) {
		return InputText.nfc(email.strip()).toLowerCase(Locale.ROOT);
	}

	@Override
	public AccountUserDetails loadUserByUsername(String username) {
		TenantId tenant = TenantContext.require();
		return jdbc.sql("""
				select id, kind, email, display_name, password_hash, trust_level, enabled,
				       email_verified_at is not null as verified
				  from account.account where email = ? and password_hash is not null
				   and not exists (select 1 from account.staff_sso_identity i where i.account_id = account.id)""")
				.param(normaliseEmail(username))
				.query((rs, row) -> map(rs, tenant))
				.optional()
				.orElseThrow(() -> new UsernameNotFoundException("unknown account"));
	}

	/** The account with this id in the request's municipality, for API keys and federated sign-in. */
	java.util.Optional<AccountUserDetails> loadById(AccountId account) {
		TenantId tenant = TenantContext.require();
		return jdbc.sql("""
				select id, kind, coalesce(email, contact_email) as email, display_name, password_hash, trust_level, enabled,
				       email_verified_at is not null or password_hash is null as verified
				  from account.account where id = ?""")
				.param(account.value())
				.query((rs, row) -> map(rs, tenant))
				.optional();
	}

	private AccountUserDetails map(ResultSet rs, TenantId tenant) throws SQLException {
		AccountId id = new AccountId(rs.getObject("id", UUID.class));
		SignedInUser user = new SignedInUser(id, tenant, AccountKind.valueOf(rs.getString("kind")), rs.getString("email"),
				rs.getString("display_name"), TrustLevel.valueOf(rs.getString("trust_level")), roles(id));
		return new AccountUserDetails(user, rs.getString("password_hash"), rs.getBoolean("enabled"), rs.getBoolean("verified"));
	}

	Map<DepartmentCode, Set<StaffRole>> roles(AccountId id) {
		Map<DepartmentCode, Set<StaffRole>> roles = new HashMap<>();
		jdbc.sql("select department_code, role from account.staff_role where account_id = ?").param(id.value())
				.query((rs, row) -> {
					roles.computeIfAbsent(new DepartmentCode(rs.getString(1)), d -> EnumSet.noneOf(StaffRole.class))
							.add(StaffRole.valueOf(rs.getString(2)));
					return null;
				}).list();
		return roles;
	}
}
