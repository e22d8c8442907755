// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.retention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import de.openrathaus.records.filing.Disposal;
import de.openrathaus.tenancy.MunicipalClock;
import de.openrathaus.records.filing.CaseSource;
import de.openrathaus.records.filing.CaseStatus;
import de.openrathaus.records.audit.AuditAction;
import de.openrathaus.records.filing.CaseId;
import de.openrathaus.records.filing.DocumentId;
import de.openrathaus.records.filing.FileId;
import de.openrathaus.records.filing.VersionId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of retention and disposal: the due list ({@code records.disposal}), the minimal record
 * left of a removed case, the legal hold, and the state of an xdomea exchange with the archive.
 * The decisions (what may be destroyed, what an archive's answer means) are made in
 * {@link Retention}; this class only reads and writes rows.
 */
@Component
class RetentionStore {

	private final JdbcClient jdbc;

	RetentionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One version of a document of a case, for the hand-over package. */
	record VersionRow(DocumentId document, String title, VersionId version, int number, String filename, String mediaType, String sha) {
	}

	private static final String DUE_COLUMNS = """
			select d.case_id, c.reference, p.number, p.title, d.due_on, d.action, d.status, f.legal_hold
			  from records.disposal d join records.record_case c on c.id = d.case_id join records.file f on f.id = c.file_id
			  join records.plan_entry p on p.id = f.plan_entry_id
			""";

	/** Lists closed cases whose retention has ended by this day and whose file is not on hold; how many were new. */
	int listDue(LocalDate day) {
		return jdbc.sql("""
				insert into records.disposal(case_id, due_on, action)
				select c.id, make_date(extract(year from c.closed_at at time zone 'Europe/Berlin')::int + 1 + p.retention_years, 1, 1), p.disposal
				  from records.record_case c join records.file f on f.id = c.file_id join records.plan_entry p on p.id = f.plan_entry_id
				 where c.status = ? and not f.legal_hold and p.retention_years is not null and p.disposal is not null
				   and make_date(extract(year from c.closed_at at time zone 'Europe/Berlin')::int + 1 + p.retention_years, 1, 1) <= ?
				on conflict (case_id) do nothing""").params(CaseStatus.CLOSED.name(), java.sql.Date.valueOf(day)).update();
	}

	/** The listed cases, by due day and reference. */
	List<Retention.Due> due() {
		return jdbc.sql(DUE_COLUMNS + " where d.status = ? order by d.due_on, c.reference").param(DisposalState.LISTED.name())
			.query(RetentionStore::dueRow).list();
	}

	/** The listed cases of an xdomea process that the archive took and that were handed over. */
	List<Retention.Due> handedOver(UUID process) {
		return jdbc.sql(DUE_COLUMNS + " where d.process_id = ? and d.assessment = ? and d.handover_at is not null and d.status = ?")
			.params(process, ArchiveAssessment.ARCHIVE.code, DisposalState.LISTED.name()).query(RetentionStore::dueRow).list();
	}

	/** The contents (by hash) of a case's versions. */
	List<String> contentHashes(CaseId caseId) {
		return jdbc.sql("select distinct v.sha256 from records.document_version v join records.document d on d.id = v.document_id "
				+ "where d.case_id = ?").param(caseId.value()).query(String.class).list();
	}

	int documentCount(CaseId caseId) {
		return jdbc.sql("select count(*) from records.document where case_id = ?").param(caseId.value()).query(Integer.class).single();
	}

	int versionCount(CaseId caseId) {
		return jdbc.sql("select count(*) from records.document_version v join records.document d on d.id = v.document_id where d.case_id = ?")
			.param(caseId.value()).query(Integer.class).single();
	}

	/** What stays of a removed case: its reference, plan number, closing day, counts, who and what. */
	void recordRemoval(CaseId caseId, String planNumber, int documents, int versions, String manager, AuditAction outcome) {
		jdbc.sql("insert into records.destruction_record(case_id, case_reference, plan_number, closed_at, documents, versions, destroyed_by, outcome) "
				+ "select c.id, c.reference, ?, c.closed_at, ?, ?, ?, ? from records.record_case c where c.id = ?")
			.params(planNumber, documents, versions, manager, outcome.name(), caseId.value()).update();
	}

	/**
	 * Deletes a case's documents, versions and texts. The tables refuse deletes unless the
	 * transaction says it is a destruction; the flag is set only around these statements.
	 */
	void deleteDocuments(CaseId caseId) {
		jdbc.sql("select set_config('openrathaus.destruction', 'on', true)").query(Object.class).list();
		jdbc.sql("delete from records.version_text t using records.document_version v, records.document d "
				+ "where t.version_id = v.id and v.document_id = d.id and d.case_id = ?").param(caseId.value()).update();
		jdbc.sql("delete from records.document_version v using records.document d where v.document_id = d.id and d.case_id = ?")
			.param(caseId.value()).update();
		jdbc.sql("delete from records.document where case_id = ?").param(caseId.value()).update();
		jdbc.sql("select set_config('openrathaus.destruction', 'off', true)").query(Object.class).list();
	}

	/** Where the case came from ({@code records.record_case.source}), if it still names it. */
	Optional<CaseSource> source(CaseId caseId) {
		return jdbc.sql("select source from records.record_case where id = ? and source is not null").param(caseId.value())
			.query(String.class).optional().flatMap(CaseSource::parse);
	}

	/** Replaces the removed case's title and forgets its source. */
	void blankOut(CaseId caseId, String title) {
		jdbc.sql("update records.record_case set title = ?, source = null where id = ?").params(title, caseId.value()).update();
	}

	void markDone(CaseId caseId, String manager) {
		jdbc.sql("update records.disposal set status = ?, done_at = now(), done_by = ? where case_id = ?")
			.params(DisposalState.DONE.name(), manager, caseId.value()).update();
	}

	/** Whether any version (of any case) still has this content. */
	boolean contentInUse(String sha) {
		return jdbc.sql("select count(*) from records.document_version where sha256 = ?").param(sha).query(Integer.class).single() > 0;
	}

	/** The listed cases whose plan entry offers them to the archive, on a file not on hold. */
	List<XdomeaOfferList.Offered> toOffer() {
		return jdbc.sql("""
				select c.id, c.reference, c.title, c.created_at, c.closed_at from records.disposal d
				  join records.record_case c on c.id = d.case_id join records.file f on f.id = c.file_id
				 where d.status = ? and d.action = ? and not f.legal_hold order by c.reference""")
			.params(DisposalState.LISTED.name(), Disposal.ARCHIVE.name()).query(RetentionStore::offeredRow).list();
	}

	void offered(UUID process, List<CaseId> cases) {
		jdbc.sql("update records.disposal set process_id = ? where case_id = any(?)").params(process, cases.stream().map(CaseId::value).toArray(UUID[]::new)).update();
	}

	/** The cases an offer of this process still lists. */
	List<CaseId> listedIn(UUID process) {
		return jdbc.sql("select case_id from records.disposal where process_id = ? and status = ?").params(process, DisposalState.LISTED.name())
			.query(UUID.class).list().stream().map(CaseId::new).toList();
	}

	/** The archive's assessment of a case; one that releases it for destruction turns its action into {@link Disposal#DESTROY}. */
	void assess(CaseId caseId, ArchiveAssessment assessment) {
		jdbc.sql("update records.disposal set assessment = ?, action = coalesce(?::text, action) where case_id = ?")
			.params(assessment.code, assessment == ArchiveAssessment.DESTROY ? Disposal.DESTROY.name() : null, caseId.value()).update();
	}

	/** The processes with cases the archive chose that are still listed. */
	List<UUID> processesAssessedForArchive() {
		return jdbc.sql("select distinct process_id from records.disposal where assessment = ? and status = ?")
			.params(ArchiveAssessment.ARCHIVE.code, DisposalState.LISTED.name()).query(UUID.class).list();
	}

	List<XdomeaOfferList.Offered> assessedForArchive(UUID process) {
		return jdbc.sql("""
				select c.id, c.reference, c.title, c.created_at, c.closed_at from records.disposal d join records.record_case c on c.id = d.case_id
				 where d.process_id = ? and d.assessment = ? and d.status = ? order by c.reference""")
			.params(process, ArchiveAssessment.ARCHIVE.code, DisposalState.LISTED.name()).query(RetentionStore::offeredRow).list();
	}

	void handingOver(UUID process) {
		jdbc.sql("update records.disposal set handover_at = now() where process_id = ? and assessment = ?")
			.params(process, ArchiveAssessment.ARCHIVE.code).update();
	}

	/** Every version of every document of a case, documents in filing order, versions ascending. */
	List<VersionRow> versions(CaseId caseId) {
		return jdbc.sql("select d.id, d.title, v.id, v.version, v.filename, v.media_type, v.sha256 from records.document d "
				+ "join records.document_version v on v.document_id = d.id where d.case_id = ? order by d.created_at, d.id, v.version")
			.param(caseId.value())
			.query((rs, row) -> new VersionRow(new DocumentId(rs.getObject(1, UUID.class)), rs.getString(2),
					new VersionId(rs.getObject(3, UUID.class)), rs.getInt(4),
					rs.getString(5), rs.getString(6), rs.getString(7)))
			.list();
	}

	/** Sets or lifts a file's legal hold; a hold takes its cases off the due list. */
	void setLegalHold(FileId file, boolean hold) {
		jdbc.sql("update records.file set legal_hold = ? where id = ?").params(hold, file.value()).update();
		if (hold) {
			jdbc.sql("delete from records.disposal d using records.record_case c where d.case_id = c.id and c.file_id = ? and d.status = ?")
				.params(file.value(), DisposalState.LISTED.name()).update();
		}
	}

	private static Retention.Due dueRow(ResultSet rs, int row) throws SQLException {
		return new Retention.Due(new CaseId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3), rs.getString(4), rs.getDate(5).toLocalDate(),
				Disposal.valueOf(rs.getString(6)), DisposalState.valueOf(rs.getString(7)), rs.getBoolean(8));
	}

	private static XdomeaOfferList.Offered offeredRow(ResultSet rs, int row) throws SQLException {
		return new XdomeaOfferList.Offered(new CaseId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3),
				rs.getTimestamp(4).toInstant().atZone(MunicipalClock.ZONE).toLocalDate(),
				rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant().atZone(MunicipalClock.ZONE).toLocalDate());
	}
}
