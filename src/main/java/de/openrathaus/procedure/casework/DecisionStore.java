// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.casework;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import de.openrathaus.files.Sha256;
import de.openrathaus.account.AccountId;
import de.openrathaus.procedure.ApplicationId;
import de.openrathaus.procedure.DecisionDocuments;
import de.openrathaus.procedure.DecisionOutcome;
import de.openrathaus.procedure.FiledContents;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Issued decisions and their documents; a decision is written once and never changed. */
@Component
class DecisionStore implements DecisionDocuments {

	private final JdbcClient jdbc;
	private final FiledContents filed;

	DecisionStore(JdbcClient jdbc, FiledContents filed) {
		this.jdbc = jdbc;
		this.filed = filed;
	}

	/** Stores the decision; without {@code decidedBy} it is an automatic decision (no clerk decided it). */
	void save(ApplicationId application, DecisionOutcome outcome, @Nullable String reason, @Nullable Long amountCents,
			@Nullable AccountId decidedBy, Instant issuedAt, String filename, byte[] document, String text) {
		jdbc.sql("insert into procedure.decision(application_id, outcome, reason, amount_cents, decided_by, automatic, issued_at, filename, "
				+ "document, sha256, text) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(application.value(), outcome.name(), reason, amountCents, decidedBy == null ? null : decidedBy.value(), decidedBy == null,
					Timestamp.from(issuedAt), filename, document, Sha256.hex(document), text)
			.update();
	}

	/** Which of these applications the system decided automatically. */
	Set<ApplicationId> automaticAmong(Collection<ApplicationId> applications) {
		if (applications.isEmpty()) {
			return Set.of();
		}
		return jdbc.sql("select application_id from procedure.decision where automatic and application_id = any(?)")
			.param(applications.stream().map(ApplicationId::value).toArray(UUID[]::new))
			.query((rs, row) -> new ApplicationId(rs.getObject(1, UUID.class))).set();
	}

	/** Drops the decision's own copy of its document and its text once the e-file holds it (matched by SHA-256). */
	void releaseFiled(ApplicationId application, Collection<String> sha256) {
		jdbc.sql("update procedure.decision set document = null, text = null where application_id = ? and sha256 = any(?) and document is not null")
			.params(application.value(), sha256.toArray(String[]::new)).update();
	}

	/** Removes the decision of an application the e-file disposed of (before the application itself). */
	void delete(ApplicationId application) {
		jdbc.sql("delete from procedure.decision where application_id = ?").param(application.value()).update();
	}

	Optional<StoredDecision> find(ApplicationId application) {
		return jdbc.sql("select outcome, reason, amount_cents, issued_at, filename, automatic from procedure.decision where application_id = ?")
			.param(application.value())
			.query((rs, row) -> new StoredDecision(DecisionOutcome.valueOf(rs.getString(1)), rs.getString(2),
					rs.getObject(3, Long.class), rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getBoolean(6)))
			.optional();
	}

	/** The decision document: its own copy until the e-file holds it, then the e-file's (checked against the hash). */
	@Override
	public Optional<Document> decisionOf(ApplicationId application) {
		record Stored(String filename, byte @Nullable [] document, String sha256, @Nullable String text) {
		}
		return jdbc.sql("select filename, document, sha256, text from procedure.decision where application_id = ?")
			.param(application.value())
			.query((rs, row) -> new Stored(rs.getString(1), rs.getBytes(2), rs.getString(3), rs.getString(4)))
			.optional()
			.flatMap(stored -> stored.document() != null
					? Optional.of(new Document(stored.filename(), "application/pdf", stored.document(), stored.text()))
					: filed.content(application, stored.sha256()).map(content -> new Document(stored.filename(), "application/pdf", content)));
	}
}
