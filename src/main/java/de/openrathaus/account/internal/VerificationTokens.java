// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import de.openrathaus.account.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Single-use e-mail verification tokens: 256 random bits, stored only as SHA-256, valid for 48 hours. */
@Component
class VerificationTokens {

	static final Duration VALIDITY = Duration.ofHours(48);
	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	VerificationTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new token for the account; its earlier unused tokens stop working. */
	Issued issue(AccountId account, Instant now) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		jdbc.sql("update account.verification_token set used_at = ? where account_id = ? and used_at is null")
			.params(Timestamp.from(now), account.value()).update();
		Instant expires = now.plus(VALIDITY);
		jdbc.sql("insert into account.verification_token(token_hash, account_id, created_at, expires_at) values (?, ?, ?, ?)")
			.params(hash(token), account.value(), Timestamp.from(now), Timestamp.from(expires)).update();
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
		return jdbc.sql("update account.verification_token set used_at = ? "
				+ "where token_hash = ? and used_at is null and expires_at >= ? returning account_id")
			.params(Timestamp.from(now), hash(token), Timestamp.from(now))
			.query(UUID.class).optional().map(AccountId::new);
	}

	private Optional<Stored> find(String token) {
		return jdbc.sql("select expires_at, used_at from account.verification_token where token_hash = ?").param(hash(token))
			.query((rs, row) -> new Stored(rs.getTimestamp(1).toInstant(),
					rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
			.optional();
	}

	private record Stored(Instant expiresAt, @org.jspecify.annotations.Nullable Instant usedAt) {
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
