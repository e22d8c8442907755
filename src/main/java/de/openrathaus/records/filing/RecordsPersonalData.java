// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.filing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import de.openrathaus.account.AccountId;
import de.openrathaus.files.Filenames;
import de.openrathaus.personaldata.Erasure;
import de.openrathaus.personaldata.PersonalData;
import de.openrathaus.personaldata.PersonalDataSource;
import de.openrathaus.procedure.ApplicationId;
import de.openrathaus.procedure.Applications;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The e-file's cases of the account's applications, every document version in them with its content
 * (the submission, uploads, answers, the decision, replies), and the audit entries about those cases.
 */
@Component
class RecordsPersonalData implements PersonalDataSource {

	private final Applications applications;
	private final RecordsStore store;
	private final JdbcClient jdbc;
	private final Clock clock;

	RecordsPersonalData(Applications applications, RecordsStore store, JdbcClient jdbc, Clock clock) {
		this.applications = applications;
		this.store = store;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public PersonalData about(UUID account) {
		List<PersonalData.Entry> entries = new ArrayList<>();
		List<PersonalData.File> files = new ArrayList<>();
		for (ApplicationId application : applications.madeBy(new AccountId(account))) {
			store.caseBySource(CaseSource.application(application)).flatMap(store::recordCase).ifPresent(recordCase -> {
				entries.add(PersonalData.Entry.of("case", "reference", recordCase.reference(), "title", recordCase.title(),
						"department", recordCase.department().value(), "status", recordCase.status().name(),
						"createdAt", recordCase.createdAt().toString()));
				for (RecordsStore.Version version : store.versions(recordCase.id())) {
					String path = "akte/" + recordCase.reference() + "/" + version.document().value() + "-v" + version.version() + "-"
							+ Filenames.clean(version.filename());
					entries.add(PersonalData.Entry.of("document", "case", recordCase.reference(), "title", version.documentTitle(),
							"version", version.version(), "filename", version.filename(), "mediaType", version.mediaType(),
							"filedAt", version.createdAt().toString(), "file", path));
					files.add(new PersonalData.File(path, version.mediaType(), store.content(version)));
				}
				entries.addAll(jdbc.sql("""
						select at, action, object from records.audit_entry
						 where object = 'case ' || ? or object like 'case ' || ? || ' %' order by seq""")
					.params(recordCase.reference(), recordCase.reference())
					.query((rs, row) -> PersonalData.Entry.of("auditEntry", "case", recordCase.reference(),
							"at", rs.getTimestamp(1).toInstant().toString(), "action", rs.getString(2), "object", rs.getString(3)))
					.list());
			});
		}
		return new PersonalData("records", entries, files);
	}

	/**
	 * The e-file removes nothing on request: a case is kept for its file plan entry's retention period
	 * after it was closed and then offered to the archive or destroyed (Archivgesetz, ADR 9), a case on
	 * legal hold until the hold is lifted, an open case until it is closed; the audit entries stay so the
	 * chain can be verified. The answer says for each case which of these keeps it and until when.
	 */
	@Override
	@Transactional(readOnly = true)
	public Erasure erase(UUID account, Mode mode) {
		Erasure.Builder answer = Erasure.of("records");
		for (ApplicationId application : applications.madeBy(new AccountId(account))) {
			store.caseBySource(CaseSource.application(application)).ifPresent(id -> {
				record Kept(String reference, String status, @Nullable Timestamp closedAt, boolean hold, @Nullable Integer years,
						@Nullable String disposal, int documents, int audit) {
				}
				jdbc.sql("""
						select c.reference, c.status, c.closed_at, f.legal_hold, p.retention_years, p.disposal,
						       (select count(*) from records.document d where d.case_id = c.id),
						       (select count(*) from records.audit_entry a where a.object = 'case ' || c.reference or a.object like 'case ' || c.reference || ' %')
						  from records.record_case c join records.file f on f.id = c.file_id join records.plan_entry p on p.id = f.plan_entry_id
						 where c.id = ?""")
					.param(id.value())
					.query((rs, row) -> new Kept(rs.getString(1), rs.getString(2), rs.getTimestamp(3), rs.getBoolean(4),
							(Integer) rs.getObject(5), rs.getString(6), rs.getInt(7), rs.getInt(8)))
					.optional()
					.ifPresent(kept -> {
						String[] reason = reason(kept.status(), kept.closedAt(), kept.hold(), kept.years(), kept.disposal());
						String[] arguments = java.util.Arrays.copyOfRange(reason, 1, reason.length);
						answer.kept("case", 1, kept.reference(), reason[0], arguments)
							.kept("document", kept.documents(), kept.reference(), reason[0], arguments)
							.kept("auditEntry", kept.audit(), kept.reference(), "auditChain");
					});
			});
		}
		return answer.build();
	}

	/** Why a case is kept: the reason's key and its arguments. */
	private String[] reason(String status, @Nullable Timestamp closedAt, boolean hold, @Nullable Integer years, @Nullable String disposal) {
		if (hold) {
			return new String[] { "legalHold" };
		}
		if (!CaseStatus.CLOSED.name().equals(status) || closedAt == null) {
			return new String[] { "caseOpen" };
		}
		if (years == null || disposal == null) {
			return new String[] { "retentionUnset" };
		}
		// as the disposal list counts: the retention runs from the end of the year the case was closed
		LocalDate until = LocalDate.of(closedAt.toInstant().atZone(clock.getZone()).getYear() + 1 + years, 1, 1);
		return new String[] { "ARCHIVE".equals(disposal) ? "retentionArchive" : "retentionDestroy", until.toString(), String.valueOf(years) };
	}
}
