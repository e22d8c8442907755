// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import de.openrathaus.files.Sha256;
import de.openrathaus.account.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Single-use tokens sent by mail: 256 random bits, stored only as SHA-256, valid for a fixed time.
 * Each kind has its own table (columns token_hash, account_id, created_at, expires_at, used_at).
 */
class SingleUseTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final String table;
	private final Duration validity;

	SingleUseTokens(JdbcClient jdbc, String table, Duration validity) {
		this.jdbc = jdbc;
		this.table = table;
		this.validity = validity;
	}

	/** A new token for the account; its earlier unused tokens stop working. */
	Issued issue(AccountId account, Instant now) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		jdbc.sql("update " + table + " set used_at = ? where account_id = ? and used_at is null")
			.params(Timestamp.from(now), account.value()).update();
		Instant expires = now.plus(validity);
		jdbc.sql("insert into " + table + "(token_hash, account_id, created_at, expires_at) values (?, ?, ?, ?)")
			.params(Sha256.hex(token), account.value(), Timestamp.from(now), Timestamp.from(expires)).update();
		return new Issued(token, expires);
	}

	record Issued(String token, Instant expiresAt) {
	}

	enum Check {
		VALID, EXPIRED, UNKNOWN
	}

	Check check(String token, Instant now) {
		return find(token).map(t -> t.usedAt() != null ? Check.UNKNOWN : t.expiresAt().isBefore(now) ? Check.EXPIRED : Check.VALID)
			.orElse(Check.UNKNOWN);
	}

	/** Consumes a valid token and returns its account; empty when unknown, used or expired. */
	Optional<AccountId> consume(String token, Instant now) {
		return jdbc.sql("update " + table + " set used_at = ? "
				+ "where token_hash = ? and used_at is null and expires_at >= ? returning account_id")
			.params(Timestamp.from(now), Sha256.hex(token), Timestamp.from(now))
			.query(UUID.class).optional().map(AccountId::new);
	}

	/** The account of a token that is still valid, without using it up. */
	Optional<AccountId> accountOf(String token, Instant now) {
		return jdbc.sql("select account_id from " + table + " where token_hash = ? and used_at is null and expires_at >= ?")
			.params(Sha256.hex(token), Timestamp.from(now)).query(UUID.class).optional().map(AccountId::new);
	}

	private Optional<Stored> find(String token) {
		return jdbc.sql("select expires_at, used_at from " + table + " where token_hash = ?").param(Sha256.hex(token))
			.query((rs, row) -> new Stored(rs.getTimestamp(1).toInstant(),
					rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
			.optional();
	}

	private record Stored(Instant expiresAt, @org.jspecify.annotations.Nullable Instant usedAt) {
	}
}
