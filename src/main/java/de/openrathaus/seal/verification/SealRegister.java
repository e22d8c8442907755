// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.seal.verification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import de.openrathaus.seal.DecisionSeal.SealedDecision;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The current municipality's sealed decisions (row level security keeps the others out). */
@Component
class SealRegister {

	private final JdbcClient jdbc;

	SealRegister(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(SealedDecision decision) {
		jdbc.sql("insert into seal.sealed_decision(reference, code_sha256, document_sha256, department, issued_at) values (?, ?, ?, ?, ?)")
			.params(decision.reference(), Codes.hash(decision.code()), decision.documentSha256(), decision.department(),
					Timestamp.from(decision.issuedAt()))
			.update();
	}

	/** True if the decision was found and not revoked before. */
	boolean revoke(String reference, String reason, UUID by, Instant at) {
		return jdbc.sql("update seal.sealed_decision set revoked_at = ?, revoked_by = ?, revocation_reason = ? "
				+ "where reference = ? and revoked_at is null")
			.params(Timestamp.from(at), by, reason, reference).update() == 1;
	}

	Optional<Entry> byReference(String reference) {
		return jdbc.sql(SELECT + "where reference = ?").param(reference).query(SealRegister::entry).optional();
	}

	Optional<Entry> byDocument(String sha256) {
		return jdbc.sql(SELECT + "where document_sha256 = ? order by issued_at desc limit 1").param(sha256).query(SealRegister::entry).optional();
	}

	private static final String SELECT = "select reference, code_sha256, document_sha256, department, issued_at, revoked_at, revocation_reason "
			+ "from seal.sealed_decision ";

	private static Entry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		Timestamp revoked = rs.getTimestamp(6);
		return new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(),
				revoked == null ? null : revoked.toInstant(), rs.getString(7));
	}

	/** A registered decision. */
	record Entry(String reference, String codeSha256, String documentSha256, String department, Instant issuedAt,
			@Nullable Instant revokedAt, @Nullable String revocationReason) {
	}
}
