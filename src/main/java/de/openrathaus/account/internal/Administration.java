// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import de.openrathaus.account.AccountId;
import de.openrathaus.account.DepartmentCode;
import de.openrathaus.account.SignedInUser;
import de.openrathaus.account.StaffRole;
import de.openrathaus.web.Refusal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Departments and staff accounts with their roles. Every method requires the ADMIN role; the
 * municipality always keeps at least one administrator, and nobody can take their own ADMIN role.
 */
@Service
@PreAuthorize("hasAuthority('accounts:administer')")
class Administration {

	private final JdbcClient jdbc;
	private final PasswordEncoder passwords;
	private final SignInThrottle throttle;

	Administration(JdbcClient jdbc, PasswordEncoder passwords, SignInThrottle throttle) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.throttle = throttle;
	}

	/** Client addresses and accounts with failed sign-ins in the last day. */
	public List<SignInThrottle.Entry> throttles() {
		return throttle.current();
	}

	/** Lets a client address or an account sign in again at once (for example after a call to the help desk). */
	public void liftThrottle(String accountKey, String client) {
		if (!throttle.lift(accountKey, client)) {
			throw Refusal.of("admin.throttle.unknown");
		}
	}

	record Department(String code, String name) {
	}

	record Staff(UUID id, String email, String displayName, Map<String, List<StaffRole>> roles) {
	}


	public List<Department> departments() {
		return jdbc.sql("select code, name from account.department order by name").query(Department.class).list();
	}

	public List<Staff> staff() {
		Map<UUID, Staff> staff = new java.util.LinkedHashMap<>();
		jdbc.sql("select id, email, display_name from account.account where kind = 'STAFF' order by display_name")
			.query((rs, row) -> staff.put(rs.getObject(1, UUID.class),
					new Staff(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), new TreeMap<>())))
			.list();
		jdbc.sql("select account_id, department_code, role from account.staff_role order by department_code, role")
			.query((rs, row) -> {
				Staff s = staff.get(rs.getObject(1, UUID.class));
				if (s != null) {
					s.roles().computeIfAbsent(rs.getString(2), d -> new ArrayList<>()).add(StaffRole.valueOf(rs.getString(3)));
				}
				return null;
			}).list();
		return List.copyOf(staff.values());
	}

	@Transactional
	public void saveDepartment(String code, String name) {
		String cleanName = name == null ? "" : name.strip();
		if (code == null || !code.matches("[a-z0-9-]{2,40}")) {
			throw Refusal.of("admin.department.code");
		}
		if (cleanName.isEmpty() || cleanName.length() > 100) {
			throw Refusal.of("admin.department.name");
		}
		jdbc.sql("insert into account.department(code, name) values (?, ?) on conflict (tenant_id, code) do update set name = excluded.name")
			.params(code, cleanName).update();
	}

	@Transactional
	public void createStaff(String displayName, String email, String password) {
		RegistrationForm form = RegistrationForm.of(displayName, email, password, password, "ja");
		if (!form.problems().isEmpty()) {
			throw Refusal.of(form.problems().getFirst().code());
		}
		int created = jdbc.sql("insert into account.account(id, kind, email, display_name, password_hash, trust_level, email_verified_at) "
				+ "values (?, 'STAFF', ?, ?, ?, 'LOW', now()) on conflict (tenant_id, email) do nothing")
			.params(UUID.randomUUID(), form.email(), form.displayName(), passwords.encode(form.password())).update();
		if (created == 0) {
			throw Refusal.of("admin.staff.exists");
		}
	}

	@Transactional
	public void grant(AccountId account, DepartmentCode department, StaffRole role) {
		int granted = jdbc.sql("insert into account.staff_role(account_id, department_code, role) "
				+ "select a.id, d.code, ? from account.account a, account.department d "
				+ "where a.id = ? and a.kind = 'STAFF' and d.code = ? on conflict do nothing")
			.params(role.name(), account.value(), department.value()).update();
		if (granted == 0 && !holds(account, department, role)) {
			throw Refusal.of("admin.role.unknown");
		}
	}

	@Transactional
	public void revoke(SignedInUser admin, AccountId account, DepartmentCode department, StaffRole role) {
		if (role == StaffRole.ADMIN) {
			if (admin.id().equals(account)) {
				throw Refusal.of("admin.role.self");
			}
			// serialise concurrent revocations so two admins cannot remove the last two ADMIN roles at once
			jdbc.sql("select pg_advisory_xact_lock(hashtext('account.admin-roles'))").query(Object.class).list();
			int admins = jdbc.sql("select count(*) from account.staff_role where role = 'ADMIN'").query(Integer.class).single();
			if (admins <= 1 && holds(account, department, role)) {
				throw Refusal.of("admin.role.last");
			}
		}
		jdbc.sql("delete from account.staff_role where account_id = ? and department_code = ? and role = ?")
			.params(account.value(), department.value(), role.name()).update();
	}

	private boolean holds(AccountId account, DepartmentCode department, StaffRole role) {
		return jdbc.sql("select count(*) from account.staff_role where account_id = ? and department_code = ? and role = ?")
			.params(account.value(), department.value(), role.name()).query(Integer.class).single() > 0;
	}

	static String normaliseCode(String code) {
		return code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
	}
}
