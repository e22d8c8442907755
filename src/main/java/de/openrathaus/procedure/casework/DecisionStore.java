// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.casework;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import de.openrathaus.account.AccountId;
import de.openrathaus.procedure.ApplicationId;
import de.openrathaus.procedure.DecisionDocuments;
import de.openrathaus.procedure.DecisionOutcome;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Issued decisions and their documents; a decision is written once and never changed. */
@Component
class DecisionStore implements DecisionDocuments {

	private final JdbcClient jdbc;

	DecisionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void save(ApplicationId application, DecisionOutcome outcome, @Nullable String reason, @Nullable Long amountCents,
			AccountId decidedBy, Instant issuedAt, String filename, byte[] document) {
		jdbc.sql("insert into procedure.decision(application_id, outcome, reason, amount_cents, decided_by, issued_at, filename, document) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(application.value(), outcome.name(), reason, amountCents, decidedBy.value(), Timestamp.from(issuedAt),
					filename, document)
			.update();
	}

	Optional<StoredDecision> find(ApplicationId application) {
		return jdbc.sql("select outcome, reason, amount_cents, issued_at, filename from procedure.decision where application_id = ?")
			.param(application.value())
			.query((rs, row) -> new StoredDecision(DecisionOutcome.valueOf(rs.getString(1)), rs.getString(2),
					rs.getObject(3, Long.class), rs.getTimestamp(4).toInstant(), rs.getString(5)))
			.optional();
	}

	@Override
	public Optional<Document> decisionOf(ApplicationId application) {
		return jdbc.sql("select filename, document from procedure.decision where application_id = ?")
			.param(application.value())
			.query((rs, row) -> new Document(rs.getString(1), "application/pdf", rs.getBytes(2)))
			.optional();
	}
}
