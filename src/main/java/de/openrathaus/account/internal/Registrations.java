// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import de.openrathaus.account.AccountId;
import de.openrathaus.account.RegistrationRepeated;
import de.openrathaus.account.VerificationRequested;
import de.openrathaus.tenancy.TenantContext;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration of citizens' service accounts (trust level LOW) and the confirmation of their e-mail
 * address. Neither the answer nor its timing reveals whether an address is registered: the password
 * hash is computed on every path and every path sends its mail through the same event and outbox.
 * Mail-sending requests are limited per client address and per e-mail address ({@link RequestQuota}).
 */
@Service
class Registrations {

	private final JdbcClient jdbc;
	private final PasswordEncoder passwords;
	private final VerificationTokens tokens;
	private final RequestQuota quota;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Registrations(JdbcClient jdbc, PasswordEncoder passwords, VerificationTokens tokens, RequestQuota quota,
			ApplicationEventPublisher events, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.tokens = tokens;
		this.quota = quota;
		this.events = events;
	}

	/**
	 * Registers a valid form. A new address gets an account and a confirmation link; an unconfirmed
	 * one a new link; a confirmed one a note to its owner that someone tried. Over a limit nothing is
	 * sent. The caller shows the same page in every case.
	 */
	@Transactional
	void register(RegistrationForm form, String linkBase, String client) {
		// computed whatever follows, so that a registered address answers as slowly as a new one
		String hash = passwords.encode(form.password());
		if (!quota.clientMay(client)) {
			return;
		}
		Optional<Existing> existing = existing(form.email());
		if (existing.isPresent()) {
			if (quota.addressMayReceive(form.email())) {
				if (existing.get().verified()) {
					events.publishEvent(new RegistrationRepeated(TenantContext.require(), existing.get().id(), form.email(), linkBase));
				}
				else {
					requestVerification(existing.get().id(), form.email(), linkBase);
				}
			}
			return;
		}
		AccountId id = new AccountId(UUID.randomUUID());
		int created = jdbc.sql("insert into account.account(id, kind, email, display_name, password_hash, trust_level) "
				+ "values (?, 'CITIZEN', ?, ?, ?, 'LOW') on conflict (tenant_id, email) do nothing")
			.params(id.value(), form.email(), form.displayName(), hash).update();
		if (created == 1 && quota.addressMayReceive(form.email())) {
			requestVerification(id, form.email(), linkBase);
		}
	}

	/** Sends a new link to an unconfirmed address within the limits; does nothing (visibly the same) otherwise. */
	@Transactional
	void resend(String email, String linkBase, String client) {
		if (!quota.clientMay(client)) {
			return;
		}
		Optional<Existing> unconfirmed = existing(email).filter(e -> !e.verified());
		if (unconfirmed.isPresent() && quota.addressMayReceive(email)) {
			requestVerification(unconfirmed.get().id(), email, linkBase);
		}
	}

	private void requestVerification(AccountId id, String email, String linkBase) {
		VerificationTokens.Issued issued = tokens.issue(id, clock.instant());
		events.publishEvent(new VerificationRequested(TenantContext.require(), id, email,
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

	/** Any account with the address (staff too: registering a staff address must not answer differently). */
	private Optional<Existing> existing(String email) {
		return jdbc.sql("select id, email_verified_at is not null from account.account where email = ?")
			.param(email)
			.query((rs, row) -> new Existing(new AccountId(rs.getObject(1, UUID.class)), rs.getBoolean(2)))
			.optional();
	}

	private record Existing(AccountId id, boolean verified) {
	}
}
