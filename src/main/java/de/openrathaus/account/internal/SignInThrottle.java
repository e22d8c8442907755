// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import de.openrathaus.files.Sha256;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without handing attackers a way to lock people out
 * (docs/adr/0014-sign-in-throttling.md). Wrong passwords are counted per client address, per account
 * key and per pair of both; the account key is the hash of the normalised address, whether an account
 * has it or not, so the behaviour tells nothing about which addresses are registered. Beyond the free
 * attempts an attempt is refused (not delayed: no thread waits) until a delay has passed that doubles
 * with every further failure. The account's delay applies only to client addresses that have failed on
 * that account themselves: the owner signing in from elsewhere is not held up by an attacker.
 * State lives in the database so that all nodes share it; counts start anew a day after the last failure.
 */
@Component
class SignInThrottle {

	static final int FREE_PER_ACCOUNT = 5;
	static final int FREE_PER_CLIENT = 30;
	static final Duration MAX_ACCOUNT_DELAY = Duration.ofMinutes(15);
	static final Duration MAX_CLIENT_DELAY = Duration.ofHours(1);
	static final Duration MEMORY = Duration.ofDays(1);

	private final JdbcClient jdbc;
	private final Clock clock;

	SignInThrottle(JdbcClient jdbc, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
	}

	/** The wait after this many failures: none before the last free attempt, then 2, 4, 8 … seconds up to the cap. */
	static Duration delay(int failures, int free, Duration cap) {
		if (failures < free) {
			return Duration.ZERO;
		}
		Duration delay = Duration.ofSeconds(1L << Math.min(failures - free + 1, 30));
		return delay.compareTo(cap) > 0 ? cap : delay;
	}

	static String accountKey(String email) {
		return Sha256.hex(AccountUserDetailsService.normaliseEmail(email));
	}

	/** Whether an attempt for this address from this client must be refused now, without checking the password. */
	boolean refuses(String email, String client) {
		Timestamp now = Timestamp.from(clock.instant());
		return jdbc.sql("""
				select exists (select 1 from account.sign_in_throttle where account_key = '' and client = :client and blocked_until > :now)
				    or (exists (select 1 from account.sign_in_throttle where account_key = :account and client = '' and blocked_until > :now)
				        and exists (select 1 from account.sign_in_throttle where account_key = :account and client = :client
				                    and last_failure_at > :forgotten))""")
			.param("client", client).param("account", accountKey(email)).param("now", now)
			.param("forgotten", Timestamp.from(clock.instant().minus(MEMORY)))
			.query(Boolean.class).single();
	}

	void failed(String email, String client) {
		String account = accountKey(email);
		count(account, "", FREE_PER_ACCOUNT, MAX_ACCOUNT_DELAY);
		count("", client, FREE_PER_CLIENT, MAX_CLIENT_DELAY);
		count(account, client, Integer.MAX_VALUE, Duration.ZERO);
	}

	private void count(String account, String client, int free, Duration cap) {
		Instant now = clock.instant();
		int failures = jdbc.sql("""
				insert into account.sign_in_throttle(account_key, client, failures, last_failure_at) values (?, ?, 1, ?)
				on conflict (tenant_id, account_key, client) do update set
				    failures = case when sign_in_throttle.last_failure_at < ? then 1 else sign_in_throttle.failures + 1 end,
				    last_failure_at = excluded.last_failure_at
				returning failures""")
			.params(account, client, Timestamp.from(now), Timestamp.from(now.minus(MEMORY))).query(Integer.class).single();
		Duration delay = delay(failures, free, cap);
		if (!delay.isZero()) {
			jdbc.sql("update account.sign_in_throttle set blocked_until = ? where account_key = ? and client = ?")
				.params(Timestamp.from(now.plus(delay)), account, client).update();
		}
	}

	/** The right password: the account and this client's record with it start afresh; the client's own count stays. */
	void succeeded(String email, @Nullable String client) {
		jdbc.sql("delete from account.sign_in_throttle where account_key = ? and (client = '' or client = ?)")
			.params(accountKey(email), client == null ? "" : client).update();
	}

	/** After a password reset by mail the owner has proven the address: every throttle on the account goes. */
	void liftAccount(String email) {
		jdbc.sql("delete from account.sign_in_throttle where account_key = ?").param(accountKey(email)).update();
	}

	@EventListener
	void onFailure(AuthenticationFailureBadCredentialsEvent event) {
		String client = client(event.getAuthentication().getDetails());
		if (client != null && event.getAuthentication().getName() != null) {
			failed(event.getAuthentication().getName(), client);
		}
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof AccountUserDetails details) {
			succeeded(details.getUsername(), client(event.getAuthentication().getDetails()));
			jdbc.sql("update account.account set last_login_at = now() where id = ?").param(details.user().id().value()).update();
		}
	}

	private static @Nullable String client(@Nullable Object details) {
		return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
	}

	/** A throttle an administrator sees: a client address or an account (its address if an account has it). */
	record Entry(String accountKey, String client, @Nullable String email, int failures, Instant lastFailureAt,
			@Nullable Instant blockedUntil) {

		public boolean blocked(Instant now) {
			return blockedUntil != null && blockedUntil.isAfter(now);
		}
	}

	/** Client addresses and accounts with failures in the last day, those refused now first. */
	List<Entry> current() {
		return jdbc.sql("""
				select t.account_key, t.client, a.email, t.failures, t.last_failure_at, t.blocked_until
				  from account.sign_in_throttle t
				  left join account.account a on t.account_key <> '' and encode(sha256(convert_to(a.email, 'UTF8')), 'hex') = t.account_key
				 where (t.account_key = '' or t.client = '') and t.last_failure_at > ?
				 order by t.blocked_until desc nulls last, t.last_failure_at desc limit 200""")
			.param(Timestamp.from(clock.instant().minus(MEMORY)))
			.query((rs, row) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
					rs.getTimestamp(5).toInstant(), rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
			.list();
	}

	/** Lifts a client address's throttle, or an account's together with its pairs; false if there was none. */
	boolean lift(String accountKey, String client) {
		if (accountKey.isEmpty() == client.isEmpty()) {
			return false;
		}
		if (client.isEmpty()) {
			return jdbc.sql("delete from account.sign_in_throttle where account_key = ?").param(accountKey).update() > 0;
		}
		return jdbc.sql("delete from account.sign_in_throttle where account_key = '' and client = ?").param(client).update() > 0;
	}
}
