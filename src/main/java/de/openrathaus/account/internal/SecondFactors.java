// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import de.openrathaus.account.AccountId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factor (TOTP) of staff who sign in with a password: enrolment (a new secret, confirmed
 * with its first code), the check after the password, the municipality's rule that every staff member
 * needs one, and the administrator's reset. Wrong codes are throttled per account, from any client:
 * whoever reaches this step knows the password already, so 5 wrong codes are free, then each further
 * one waits 2, 4, 8 … seconds, at most 15 minutes. A code's time step is stored when it is used; a code
 * of that step or an earlier one is never accepted again (also not by two requests at once).
 */
@Service
class SecondFactors {

	static final int FREE_FAILURES = 5;
	static final Duration MAX_DELAY = Duration.ofMinutes(15);
	private static final Logger log = LoggerFactory.getLogger(SecondFactors.class);

	private final JdbcClient jdbc;
	private final SecondFactorKey key;
	private final Clock clock;

	SecondFactors(JdbcClient jdbc, SecondFactorKey key, Clock clock) {
		this.jdbc = jdbc;
		this.key = key;
		this.clock = clock;
	}

	/** The outcome of a code. */
	enum Check {
		ACCEPTED, WRONG, WAIT
	}

	/** Whether the account has a confirmed second factor. */
	boolean enrolled(AccountId account) {
		return jdbc.sql("select count(*) from account.second_factor where account_id = ? and confirmed_at is not null")
			.param(account.value()).query(Integer.class).single() > 0;
	}

	/** Whether the municipality requires a second factor of every staff member signing in with a password. */
	boolean required() {
		return jdbc.sql("select coalesce(bool_or(second_factor_required), false) from account.staff_sign_in_policy").query(Boolean.class)
			.single();
	}

	@Transactional
	void require(boolean required) {
		jdbc.sql("""
				insert into account.staff_sign_in_policy(second_factor_required, changed_at) values (?, ?)
				on conflict (tenant_id) do update set second_factor_required = excluded.second_factor_required, changed_at = excluded.changed_at""")
			.params(required, Timestamp.from(clock.instant())).update();
		log.info("Second factor for staff password sign-in is now {} in this municipality", required ? "required" : "optional");
	}

	/** Accounts with a confirmed second factor, for the administration page. */
	Set<UUID> enrolledAccounts() {
		return new HashSet<>(jdbc.sql("select account_id from account.second_factor where confirmed_at is not null").query(UUID.class).list());
	}

	/** A new secret waiting for its first code (replacing an unconfirmed one); the plain secret only for the page that shows it. */
	@Transactional
	byte[] begin(AccountId account) {
		if (enrolled(account)) {
			throw new IllegalStateException("already enrolled");
		}
		byte[] secret = Totp.newSecret();
		jdbc.sql("""
				insert into account.second_factor(account_id, secret) values (?, ?)
				on conflict (account_id) do update set secret = excluded.secret, confirmed_at = null, last_step = 0""")
			.params(account.value(), key.encrypt(account, secret)).update();
		return secret;
	}

	/** The secret of an enrolment still waiting for its first code (to show it again after a wrong code). */
	byte[] pending(AccountId account) {
		return jdbc.sql("select secret from account.second_factor where account_id = ? and confirmed_at is null").param(account.value())
			.query(byte[].class).optional().map(sealed -> key.decrypt(account, sealed))
			.orElseGet(() -> begin(account));
	}

	/** The first code confirms the enrolment. */
	@Transactional
	Check confirm(AccountId account, String code) {
		Check check = verify(account, code, "confirmed_at is null");
		if (check == Check.ACCEPTED) {
			jdbc.sql("update account.second_factor set confirmed_at = ? where account_id = ?")
				.params(Timestamp.from(clock.instant()), account.value()).update();
			log.info("Second factor of account {} enrolled", account);
		}
		return check;
	}

	/** The code after the password. */
	@Transactional
	Check check(AccountId account, String code) {
		return verify(account, code, "confirmed_at is not null");
	}

	private Check verify(AccountId account, String code, String state) {
		Instant now = clock.instant();
		record Row(byte[] secret, long lastStep, int failures, Instant blockedUntil) {
		}
		Row row = jdbc.sql("select secret, last_step, failures, blocked_until from account.second_factor "
				+ "where account_id = ? and " + state + " for update")
			.param(account.value())
			.query((rs, n) -> new Row(rs.getBytes(1), rs.getLong(2), rs.getInt(3),
					rs.getTimestamp(4) == null ? Instant.EPOCH : rs.getTimestamp(4).toInstant()))
			.optional().orElse(null);
		if (row == null) {
			return Check.WRONG;
		}
		if (row.blockedUntil().isAfter(now)) {
			return Check.WAIT;
		}
		OptionalLong step = Totp.verify(key.decrypt(account, row.secret()), code, now, row.lastStep());
		if (step.isPresent()) {
			jdbc.sql("update account.second_factor set last_step = ?, failures = 0, blocked_until = null where account_id = ?")
				.params(step.getAsLong(), account.value()).update();
			return Check.ACCEPTED;
		}
		int failures = row.failures() + 1;
		Duration delay = SignInThrottle.delay(failures, FREE_FAILURES, MAX_DELAY);
		jdbc.sql("update account.second_factor set failures = ?, last_failure_at = ?, blocked_until = ? where account_id = ?")
			.params(failures, Timestamp.from(now), delay.isZero() ? null : Timestamp.from(now.plus(delay)), account.value()).update();
		return Check.WRONG;
	}

	/** The administrator's reset (a lost phone): the account enrols again at its next sign-in (or when it chooses to). */
	@Transactional
	boolean reset(AccountId account, AccountId administrator) {
		boolean removed = jdbc.sql("delete from account.second_factor where account_id = ?").param(account.value()).update() > 0;
		if (removed) {
			log.info("Second factor of account {} reset by administrator {}", account, administrator);
		}
		return removed;
	}
}
