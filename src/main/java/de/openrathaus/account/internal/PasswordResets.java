// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.sql.Timestamp;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import de.openrathaus.account.AccountId;
import de.openrathaus.account.PasswordResetRequested;
import de.openrathaus.tenancy.TenantContext;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Passwort vergessen": a single-use link by mail, valid for 30 minutes, that sets a new password under
 * the same rules as registration. The request is answered alike whether or not the address has an
 * account, and is limited like registrations ({@link RequestQuota}). Setting the new password proves the
 * address: it confirms it and lifts the account's sign-in throttles.
 */
@Service
class PasswordResets {

	private final JdbcClient jdbc;
	private final PasswordEncoder passwords;
	private final PasswordResetTokens tokens;
	private final RequestQuota quota;
	private final SignInThrottle throttle;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final AccountSessions sessions;

	PasswordResets(JdbcClient jdbc, PasswordEncoder passwords, PasswordResetTokens tokens, RequestQuota quota, SignInThrottle throttle,
			ApplicationEventPublisher events, Clock clock, AccountSessions sessions) {
		this.clock = clock;
		this.sessions = sessions;
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.tokens = tokens;
		this.quota = quota;
		this.throttle = throttle;
		this.events = events;
	}

	/** Mails a link if the address has an account and the limits allow; otherwise nothing, visibly the same. */
	@Transactional
	void request(String email, String linkBase, String client) {
		if (!quota.clientMay(client)) {
			return;
		}
		Optional<AccountId> account = jdbc.sql("select id from account.account where email = ? and enabled and password_hash is not null").param(email)
			.query(UUID.class).optional().map(AccountId::new);
		if (account.isPresent() && quota.addressMayReceive(email)) {
			SingleUseTokens.Issued issued = tokens.issue(account.get(), clock.instant());
			events.publishEvent(new PasswordResetRequested(TenantContext.require(), account.get(), email,
					linkBase + "/passwort-neu?token=" + issued.token(), issued.expiresAt()));
		}
	}

	SingleUseTokens.Check check(String token) {
		return tokens.check(token, clock.instant());
	}

	/** The outcome of setting a new password: the broken rules, or none when it is set. */
	sealed interface Outcome {
	}

	record Done() implements Outcome {
	}

	record InvalidLink() implements Outcome {
	}

	record Refused(List<RegistrationForm.Problem> problems) implements Outcome {
	}

	/** Sets the new password if the link is still valid and the password meets the rules; the link is then used up. */
	@Transactional
	Outcome reset(String token, String password, String passwordRepeat) {
		Instant now = clock.instant();
		Optional<Owner> owner = tokens.accountOf(token, now).flatMap(this::owner);
		if (owner.isEmpty()) {
			return new InvalidLink();
		}
		RegistrationForm form = RegistrationForm.of(owner.get().displayName(), owner.get().email(), password, passwordRepeat, "ja");
		List<RegistrationForm.Problem> problems = form.problems().stream()
			.filter(p -> p.field().startsWith("password")).toList();
		if (!problems.isEmpty()) {
			return new Refused(problems);
		}
		if (tokens.consume(token, now).isEmpty()) {
			return new InvalidLink();
		}
		jdbc.sql("update account.account set password_hash = ?, email_verified_at = coalesce(email_verified_at, ?) where id = ?")
			.params(passwords.encode(form.password()), Timestamp.from(now), owner.get().id().value()).update();
		throttle.liftAccount(owner.get().email());
		// whoever knew the old password is signed out on every node, once the new one is stored
		AccountId account = owner.get().id();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				sessions.endAll(account);
			}
		});
		return new Done();
	}

	private Optional<Owner> owner(AccountId id) {
		// an account without password (federated sign-in only) never gets one through a reset link
		return jdbc.sql("select id, email, display_name from account.account where id = ? and password_hash is not null").param(id.value())
			.query((rs, row) -> new Owner(new AccountId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3))).optional();
	}

	private record Owner(AccountId id, String email, String displayName) {
	}
}
