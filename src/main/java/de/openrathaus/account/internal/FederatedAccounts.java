// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import de.openrathaus.account.AccountId;
import de.openrathaus.account.ActingFor;
import de.openrathaus.account.FederatedIdentity;
import de.openrathaus.account.OrganisationId;
import de.openrathaus.files.InputText;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts found through identities an identity provider vouched for: by (municipality, issuer,
 * subject), never by e-mail. An identity, once linked, stays with its account; linking never moves
 * it, and an account holds at most one identity per provider (both guarded by the table's keys, so
 * concurrent sign-ins cannot break them either).
 */
@Component
class FederatedAccounts {

	private final JdbcClient jdbc;

	FederatedAccounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<AccountId> accountOf(String issuer, String subject) {
		return jdbc.sql("select account_id from account.federated_identity where issuer = ? and subject = ?")
			.params(issuer, subject).query(UUID.class).optional().map(AccountId::new);
	}

	/**
	 * A new citizen account for a first sign-in: no password, no sign-in address, the provider's
	 * address kept as contact address only. Two concurrent first sign-ins of one identity end in one
	 * account: the second finds the identity taken and drops the account it had just made.
	 */
	@Transactional
	AccountId createCitizen(FederatedIdentity identity, String displayName, Instant now) {
		AccountId id = AccountId.random();
		jdbc.sql("insert into account.account(id, kind, email, contact_email, display_name, password_hash, trust_level, last_login_at) "
				+ "values (?, 'CITIZEN', null, ?, ?, null, 'LOW', ?)")
			.params(id.value(), contactEmail(identity.person()), displayName, Timestamp.from(now)).update();
		if (link(identity, id, now)) {
			return id;
		}
		jdbc.sql("delete from account.account where id = ?").param(id.value()).update();
		return accountOf(identity.issuer(), identity.subject()).orElseThrow();
	}

	/** Links the identity to the account; false if the identity belongs to an account already, or the account has one of this provider. */
	boolean link(FederatedIdentity identity, AccountId account, Instant now) {
		return jdbc.sql("insert into account.federated_identity(issuer, subject, account_id, linked_at, last_sign_in_at, mailbox) "
				+ "values (?, ?, ?, ?, ?, ?) on conflict do nothing")
			.params(identity.issuer(), identity.subject(), account.value(), Timestamp.from(now), Timestamp.from(now), identity.mailbox())
			.update() == 1;
	}

	/** Whether the account already holds an identity of this provider. */
	boolean hasIdentityOf(AccountId account, String issuer) {
		return jdbc.sql("select count(*) from account.federated_identity where account_id = ? and issuer = ?")
			.params(account.value(), issuer).query(Integer.class).single() > 0;
	}

	/**
	 * Notes the sign-in; an account without password takes its name and contact address from what
	 * the provider says now (a linked local account keeps its own).
	 */
	void signedIn(FederatedIdentity identity, AccountId account, String displayName, Instant now) {
		jdbc.sql("update account.federated_identity set last_sign_in_at = ?, mailbox = coalesce(?, mailbox) where issuer = ? and subject = ?")
			.params(Timestamp.from(now), identity.mailbox(), identity.issuer(), identity.subject()).update();
		jdbc.sql("update account.account set last_login_at = ?, "
				+ "display_name = case when password_hash is null then ? else display_name end, "
				+ "contact_email = case when password_hash is null then ? else contact_email end where id = ?")
			.params(Timestamp.from(now), displayName, contactEmail(identity.person()), account.value()).update();
	}

	/** The password hash of a local account, for the re-entry that confirms a link; empty for an account without password. */
	Optional<String> passwordHash(AccountId account) {
		return jdbc.sql("select password_hash from account.account where id = ? and kind = 'CITIZEN' and enabled and password_hash is not null")
			.param(account.value()).query(String.class).optional();
	}

	/** The organisation (made on its first sign-in, its name refreshed) and the person's membership in it. */
	@Transactional
	ActingFor membership(String issuer, FederatedIdentity.Organisation organisation, AccountId member, Instant now) {
		UUID id = jdbc.sql("insert into account.organisation(id, issuer, identifier, name, created_at) values (?, ?, ?, ?, ?) "
				+ "on conflict (tenant_id, issuer, identifier) do update set name = excluded.name returning id")
			.params(UUID.randomUUID(), issuer, organisation.identifier(), InputText.nfc(organisation.name().strip()), Timestamp.from(now))
			.query(UUID.class).single();
		jdbc.sql("insert into account.membership(organisation_id, account_id, since, last_acted_at) values (?, ?, ?, ?) "
				+ "on conflict (organisation_id, account_id) do update set last_acted_at = excluded.last_acted_at")
			.params(id, member.value(), Timestamp.from(now), Timestamp.from(now)).update();
		return new ActingFor(new OrganisationId(id), InputText.nfc(organisation.name().strip()));
	}

	private static @Nullable String contactEmail(FederatedIdentity.Person person) {
		String email = person.email();
		if (email == null || email.isBlank() || !email.contains("@")) {
			return null;
		}
		return InputText.nfc(email.strip()).toLowerCase(Locale.ROOT);
	}
}
