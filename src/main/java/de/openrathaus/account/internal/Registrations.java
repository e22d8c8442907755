// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import de.openrathaus.account.AccountId;
import de.openrathaus.account.VerificationRequested;
import de.openrathaus.tenancy.TenantContext;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration of citizens' service accounts (trust level LOW) and the confirmation of their e-mail
 * address. Answers never reveal whether an address is registered already.
 */
@Service
class Registrations {

	private final JdbcClient jdbc;
	private final PasswordEncoder passwords;
	private final VerificationTokens tokens;
	private final ApplicationEventPublisher events;
	private final Clock clock = Clock.systemUTC();

	Registrations(JdbcClient jdbc, PasswordEncoder passwords, VerificationTokens tokens, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.tokens = tokens;
		this.events = events;
	}

	/**
	 * Registers a valid form. For an address that exists and is unconfirmed a new link is sent; for
	 * a confirmed one nothing happens. The caller shows the same page in every case.
	 */
	@Transactional
	void register(RegistrationForm form, String linkBase) {
		Optional<Existing> existing = existing(form.email());
		if (existing.isPresent()) {
			if (!existing.get().verified()) {
				requestVerification(existing.get().id(), form.email(), existing.get().displayName(), linkBase);
			}
			return;
		}
		AccountId id = new AccountId(UUID.randomUUID());
		int created = jdbc.sql("insert into account.account(id, kind, email, display_name, password_hash, trust_level) "
				+ "values (?, 'CITIZEN', ?, ?, ?, 'LOW') on conflict (tenant_id, email) do nothing")
			.params(id.value(), form.email(), form.displayName(), passwords.encode(form.password())).update();
		if (created == 1) {
			requestVerification(id, form.email(), form.displayName(), linkBase);
		}
	}

	/** Sends a new link to an unconfirmed address; does nothing (visibly the same) otherwise. */
	@Transactional
	void resend(String email, String linkBase) {
		existing(email).filter(e -> !e.verified())
			.ifPresent(e -> requestVerification(e.id(), email, e.displayName(), linkBase));
	}

	private void requestVerification(AccountId id, String email, String displayName, String linkBase) {
		VerificationTokens.Issued issued = tokens.issue(id, clock.instant());
		events.publishEvent(new VerificationRequested(TenantContext.require(), id, email, displayName,
				linkBase + "/konto/bestaetigen?token=" + issued.token(), issued.expiresAt()));
	}

	VerificationTokens.Check check(String token) {
		return tokens.check(token, clock.instant());
	}

	/** Confirms the address the token was sent to; false if the token is unknown, used or expired. */
	@Transactional
	boolean confirm(String token) {
		Instant now = clock.instant();
		return tokens.consume(token, now).map(id -> jdbc.sql(
				"update account.account set email_verified_at = coalesce(email_verified_at, ?) where id = ?")
			.params(java.sql.Timestamp.from(now), id.value()).update() == 1).orElse(false);
	}

	private Optional<Existing> existing(String email) {
		return jdbc.sql("select id, display_name, email_verified_at is not null from account.account where email = ? and kind = 'CITIZEN'")
			.param(email)
			.query((rs, row) -> new Existing(new AccountId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getBoolean(3)))
			.optional();
	}

	private record Existing(AccountId id, String displayName, boolean verified) {
	}
}
