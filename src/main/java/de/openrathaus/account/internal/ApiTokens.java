// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.time.Clock;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import de.openrathaus.files.Sha256;
import de.openrathaus.account.AccountId;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.TenantId;
import de.openrathaus.web.Refusal;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys with which other systems (a department's specialist software) call the APIs as a staff
 * account, without a password check per request: the key is 256 random bits, so its SHA-256 is a
 * safe and fast lookup. The key is shown once at creation; the database keeps only the hash.
 */
@Service
class ApiTokens {

	static final String PREFIX = "ort_";
	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final Clock clock;

	ApiTokens(JdbcClient jdbc, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
	}

	record Token(UUID id, UUID account, String name, Instant createdAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {
	}

	/** Creates a key for a staff account and returns it; it cannot be shown again. */
	@Transactional
	String create(AccountId account, @Nullable String name) {
		String clean = name == null ? "" : name.strip();
		if (clean.isEmpty() || clean.length() > 100) {
			throw Refusal.of("admin.token.name.invalid");
		}
		boolean staff = jdbc.sql("select count(*) from account.account where id = ? and kind = 'STAFF'").param(account.value())
			.query(Integer.class).single() == 1;
		if (!staff) {
			throw Refusal.of("admin.role.unknown");
		}
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		jdbc.sql("insert into account.api_token(id, account_id, name, token_hash) values (?, ?, ?, ?)")
			.params(UUID.randomUUID(), account.value(), clean, Sha256.hex(token)).update();
		return token;
	}

	@Transactional
	void revoke(UUID token) {
		jdbc.sql("update account.api_token set revoked_at = now() where id = ? and revoked_at is null").param(token).update();
		recognised.clear();
	}

	/** A key recognised recently: its account as loaded then, until {@code until}. */
	private record Recognised(TenantId tenant, AccountUserDetails account, long until) {
	}

	static final long REMEMBER_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
	private static final int REMEMBER_AT_MOST = 10_000;
	private final java.util.Map<String, Recognised> recognised = new java.util.concurrent.ConcurrentHashMap<>();

	/**
	 * The account a presented key authenticates, loaded by {@code load} (which also decides whether the
	 * account may still act). Specialist software calls many times a second, so a recognised key is
	 * remembered for a minute instead of three queries per call: a revocation on this instance takes
	 * effect at once, role changes and revocations made on another instance within that minute.
	 */
	Optional<AccountUserDetails> authenticate(String token, java.util.function.Function<AccountId, Optional<AccountUserDetails>> load) {
		String hash = Sha256.hex(token);
		TenantId tenant = TenantContext.require();
		long now = System.nanoTime();
		Recognised known = recognised.get(hash);
		if (known != null && known.tenant().equals(tenant) && now - known.until() < 0) {
			return Optional.of(known.account());
		}
		Optional<AccountUserDetails> account = accountOf(token).flatMap(load);
		if (account.isPresent()) {
			if (recognised.size() >= REMEMBER_AT_MOST) {
				recognised.clear();
			}
			account.get().eraseCredentials();
			recognised.put(hash, new Recognised(tenant, account.get(), now + REMEMBER_NANOS));
		}
		else {
			recognised.remove(hash);
		}
		return account;
	}

	List<Token> all() {
		return jdbc.sql("select id, account_id, name, created_at, last_used_at, revoked_at from account.api_token order by created_at")
			.query((rs, row) -> new Token(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
					rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
			.list();
	}

	/** The account a presented key belongs to, if the key exists and is not revoked; notes its use (at most hourly). */
	@Transactional
	Optional<AccountId> accountOf(String token) {
		if (!token.startsWith(PREFIX) || token.length() > 100) {
			return Optional.empty();
		}
		record Found(UUID id, UUID account, @Nullable Instant lastUsed) {
		}
		Optional<Found> found = jdbc.sql("select id, account_id, last_used_at from account.api_token where token_hash = ? and revoked_at is null")
			.param(Sha256.hex(token))
			.query((rs, row) -> new Found(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
			.optional();
		found.filter(f -> f.lastUsed() == null || f.lastUsed().isBefore(clock.instant().minusSeconds(3600)))
			.ifPresent(f -> jdbc.sql("update account.api_token set last_used_at = now() where id = ?").param(f.id()).update());
		return found.map(f -> new AccountId(f.account()));
	}
}
