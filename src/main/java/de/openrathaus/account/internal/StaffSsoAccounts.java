// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import de.openrathaus.account.AccountId;
import de.openrathaus.account.AccountKind;
import de.openrathaus.account.DepartmentCode;
import de.openrathaus.account.SignedInUser;
import de.openrathaus.account.StaffRole;
import de.openrathaus.account.TrustLevel;
import de.openrathaus.tenancy.TenantContext;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts of single sign-on, found by (municipality, issuer, subject). Such an account has no
 * usable password: password sign-in never finds it. Its roles are whatever the provider's groups give
 * at the latest sign-in; changes are logged with the account id and counts, never a name or address.
 */
@Component
class StaffSsoAccounts {

	/** Marks the password of an account that signs in only through its provider; no encoder accepts it. */
	static final String NO_PASSWORD = "{sso}no-local-password";
	private static final Logger log = LoggerFactory.getLogger(StaffSsoAccounts.class);

	private final JdbcClient jdbc;

	StaffSsoAccounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What the provider said about the person (null where it said nothing usable). */
	record Person(@Nullable String email, @Nullable String displayName) {
	}

	/** Whether this account signs in through a provider already. */
	boolean linked(AccountId account) {
		return jdbc.sql("select exists (select 1 from account.staff_sso_identity where account_id = ?)").param(account.value())
			.query(Boolean.class).single();
	}

	/**
	 * Signs in the account of this provider identity, after linking it to {@code linkTo} if the staff member
	 * asked for that while signed in with their password ({@link StaffSsoLink}); otherwise the account is found
	 * by the identity or created, never by the address alone.
	 */
	@Transactional
	SignedInUser signIn(String issuer, String subject, Person person, Map<DepartmentCode, Set<StaffRole>> mapped,
			@Nullable AccountId linkTo) {
		Set<String> departments = new HashSet<>(jdbc.sql("select code from account.department").query(String.class).list());
		Map<DepartmentCode, Set<StaffRole>> roles = new HashMap<>();
		mapped.forEach((department, set) -> {
			if (departments.contains(department.value())) {
				roles.put(department, EnumSet.copyOf(set));
			}
			else {
				log.warn("Staff single sign-on: the group mapping names department '{}', which does not exist; ignored", department);
			}
		});
		if (roles.isEmpty()) {
			throw StaffSsoSignIn.refused("noRole");
		}
		Optional<AccountId> known = find(issuer, subject);
		if (linkTo != null && known.isPresent() && !known.get().equals(linkTo)) {
			// the identity belongs to another account: it is never moved
			throw StaffSsoSignIn.refused("linkedElsewhere");
		}
		AccountId id = known.orElseGet(() -> linkTo != null ? link(issuer, subject, linkTo) : create(issuer, subject, person));
		Account account = jdbc.sql("select email, display_name, enabled from account.account where id = ?").param(id.value())
			.query((rs, row) -> new Account(rs.getString(1), rs.getString(2), rs.getBoolean(3))).single();
		if (!account.enabled()) {
			throw StaffSsoSignIn.refused("disabled");
		}
		String displayName = person.displayName() == null ? account.displayName() : person.displayName();
		String email = account.email();
		if (person.email() != null && !person.email().equals(email) && jdbc.sql(
				"update account.account set email = ? where id = ? and not exists (select 1 from account.account where email = ?)")
			.params(person.email(), id.value(), person.email()).update() == 1) {
			email = person.email();
		}
		jdbc.sql("update account.account set display_name = ?, last_login_at = now() where id = ?").params(displayName, id.value()).update();
		jdbc.sql("update account.staff_sso_identity set last_sign_in_at = now() where account_id = ?").param(id.value()).update();
		synchronise(id, roles);
		return new SignedInUser(id, TenantContext.require(), AccountKind.STAFF, email, displayName, TrustLevel.LOW, roles);
	}

	private record Account(String email, String displayName, boolean enabled) {
	}

	private Optional<AccountId> find(String issuer, String subject) {
		return jdbc.sql("select account_id from account.staff_sso_identity where issuer = ? and subject = ?").params(issuer, subject)
			.query(UUID.class).optional().map(AccountId::new);
	}

	private AccountId create(String issuer, String subject, Person person) {
		if (person.email() == null) {
			throw StaffSsoSignIn.refused("noEmail");
		}
		AccountId id = AccountId.random();
		int created = jdbc.sql("insert into account.account(id, kind, email, display_name, password_hash, trust_level, email_verified_at) "
				+ "values (?, 'STAFF', ?, ?, ?, 'LOW', now()) on conflict (tenant_id, email) do nothing")
			.params(id.value(), person.email(), person.displayName() == null ? person.email() : person.displayName(), NO_PASSWORD)
			.update();
		if (created == 0) {
			// an account with this address exists already: it is never taken over because the address matches
			throw StaffSsoSignIn.refused("emailTaken");
		}
		jdbc.sql("insert into account.staff_sso_identity(issuer, subject, account_id) values (?, ?, ?)").params(issuer, subject, id.value())
			.update();
		log.info("Staff single sign-on: account {} created for a new identity of the municipality's provider", id);
		return id;
	}

	/**
	 * Links the identity to the password account that asked for it: a staff account, enabled, with a password and
	 * no provider identity yet (the guarded insert and update make a second, concurrent link fail). Its password is
	 * given up, so that from now on the provider alone decides who signs in (a leaver is locked out there).
	 */
	private AccountId link(String issuer, String subject, AccountId account) {
		int eligible = jdbc.sql("""
				update account.account set password_hash = ? where id = ? and kind = 'STAFF' and enabled and password_hash is not null
				and password_hash <> ? and not exists (select 1 from account.staff_sso_identity i where i.account_id = account.id)""")
			.params(NO_PASSWORD, account.value(), NO_PASSWORD).update();
		if (eligible == 0) {
			throw StaffSsoSignIn.refused("linkRefused");
		}
		jdbc.sql("insert into account.staff_sso_identity(issuer, subject, account_id) values (?, ?, ?)").params(issuer, subject, account.value())
			.update();
		log.info("Staff single sign-on: account {} linked to its identity at the municipality's provider at its own request; password given up",
				account);
		return account;
	}

	/** Sets the account's roles to exactly these. */
	private void synchronise(AccountId id, Map<DepartmentCode, Set<StaffRole>> roles) {
		Set<String> wanted = new HashSet<>();
		roles.forEach((department, set) -> set.forEach(role -> wanted.add(department.value() + "/" + role.name())));
		Set<String> held = new HashSet<>(jdbc.sql("select department_code || '/' || role from account.staff_role where account_id = ?")
			.param(id.value()).query(String.class).list());
		int withdrawn = 0;
		for (String entry : held) {
			if (!wanted.contains(entry)) {
				String[] parts = entry.split("/");
				withdrawn += jdbc.sql("delete from account.staff_role where account_id = ? and department_code = ? and role = ?")
					.params(id.value(), parts[0], parts[1]).update();
			}
		}
		int granted = 0;
		for (String entry : wanted) {
			if (!held.contains(entry)) {
				String[] parts = entry.split("/");
				granted += jdbc.sql("insert into account.staff_role(account_id, department_code, role) values (?, ?, ?) on conflict do nothing")
					.params(id.value(), parts[0], parts[1]).update();
			}
		}
		if (granted + withdrawn > 0) {
			log.info("Staff single sign-on: roles of account {} synchronised with the provider's groups ({} granted, {} withdrawn)", id,
					granted, withdrawn);
		}
	}
}
