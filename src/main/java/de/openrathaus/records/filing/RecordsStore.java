// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.filing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import de.openrathaus.records.content.ContentStore;
import de.openrathaus.records.content.StoredContent;
import de.openrathaus.records.search.SearchEntries;
import de.openrathaus.records.search.TextExtraction;

import de.openrathaus.account.DepartmentCode;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** Storage of the file plan, files, cases, documents and their versions. */
@Component
public class RecordsStore {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;
	private final ContentStore contents;
	private final org.springframework.context.ApplicationEventPublisher events;

	RecordsStore(JdbcClient jdbc, ContentStore contents, org.springframework.context.ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.contents = contents;
		this.events = events;
	}

	public record PlanEntry(PlanEntryId id, String number, String title, @Nullable PlanEntryId parent, @Nullable Integer retentionYears,
			@Nullable Disposal disposal, List<String> procedureTypes) {
	}

	public record RecordFile(FileId id, PlanEntryId planEntry, String reference, String title, DepartmentCode department, boolean legalHold,
			Instant createdAt) {
	}

	public record RecordCase(CaseId id, FileId file, String reference, String title, DepartmentCode department, CaseStatus status, Instant createdAt,
			@Nullable Instant closedAt) {
	}

	public record Version(VersionId id, DocumentId document, String documentTitle, int version, String filename, String mediaType, long size,
			String sha256, String author, Instant createdAt, TextStatus textStatus, @Nullable String textProblem) {
	}

	public List<PlanEntry> plan() {
		return jdbc.sql("select id, number, title, parent_id, retention_years, disposal, procedure_types from records.plan_entry "
				+ "order by string_to_array(number, '.')::int[]")
			.query((rs, row) -> new PlanEntry(new PlanEntryId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3), planEntryId(rs.getObject(4, UUID.class)),
					rs.getObject(5, Integer.class), rs.getString(6) == null ? null : Disposal.valueOf(rs.getString(6)), List.of((String[]) rs.getArray(7).getArray())))
			.list();
	}

	public void addPlanEntry(String number, String title, @Nullable PlanEntryId parent, @Nullable Integer retention, @Nullable Disposal disposal,
			List<String> procedureTypes) {
		jdbc.sql("insert into records.plan_entry(id, number, title, parent_id, retention_years, disposal, procedure_types) "
				+ "values (?, ?, ?, ?, ?, ?, ?) on conflict (tenant_id, number) do nothing")
			.params(UUID.randomUUID(), number, title, parent == null ? null : parent.value(), retention, disposal == null ? null : disposal.name(), procedureTypes.toArray(String[]::new))
			.update();
	}

	/** A new entry of the file plan (the caller has checked that its number is free); its id. */
	PlanEntryId insertPlanEntry(String number, String title, @Nullable PlanEntryId parent, @Nullable Integer retention, @Nullable Disposal disposal,
			List<String> procedureTypes) {
		PlanEntryId id = PlanEntryId.random();
		jdbc.sql("insert into records.plan_entry(id, number, title, parent_id, retention_years, disposal, procedure_types) "
				+ "values (?, ?, ?, ?, ?, ?, ?)")
			.params(id.value(), number, title, parent == null ? null : parent.value(), retention, disposal == null ? null : disposal.name(),
					procedureTypes.toArray(String[]::new))
			.update();
		return id;
	}

	/** Changes what an entry says; its number and place in the plan stay. */
	void changePlanEntry(PlanEntryId id, String title, @Nullable Integer retention, @Nullable Disposal disposal, List<String> procedureTypes) {
		jdbc.sql("update records.plan_entry set title = ?, retention_years = ?, disposal = ?, procedure_types = ? where id = ?")
			.params(title, retention, disposal == null ? null : disposal.name(), procedureTypes.toArray(String[]::new), id.value()).update();
	}

	/** The number of the entry (other than {@code self}) whose submissions of this procedure type are filed there. */
	Optional<String> planEntryTaking(String procedureType, @Nullable PlanEntryId self) {
		UUID other = self == null ? null : self.value();
		return jdbc.sql("select number from records.plan_entry where ? = any(procedure_types) and (?::uuid is null or id <> ?::uuid) limit 1")
			.params(procedureType, other, other).query(String.class).optional();
	}

	public Optional<PlanEntryId> planEntryId(String number) {
		return jdbc.sql("select id from records.plan_entry where number = ?").param(number).query(UUID.class).optional().map(PlanEntryId::new);
	}

	/** The file for this plan entry and reference, created if missing (safe when two filings race). */
	public FileId file(PlanEntryId planEntry, String reference, String title, DepartmentCode department) {
		jdbc.sql("insert into records.file(id, plan_entry_id, reference, title, department) values (?, ?, ?, ?, ?) "
				+ "on conflict (tenant_id, reference) do nothing")
			.params(UUID.randomUUID(), planEntry.value(), reference, title, department.value()).update();
		return new FileId(jdbc.sql("select id from records.file where reference = ?").param(reference).query(UUID.class).single());
	}

	/** The case for this source (e.g. an application), created if missing; the second value says whether it was new. */
	public Map.Entry<CaseId, Boolean> caseFor(FileId file, String reference, String title, DepartmentCode department, CaseSource source) {
		int created = jdbc.sql("insert into records.record_case(id, file_id, reference, title, department, source) values (?, ?, ?, ?, ?, ?) "
				+ "on conflict (tenant_id, source) do nothing")
			.params(UUID.randomUUID(), file.value(), reference, title, department.value(), source.stored()).update();
		CaseId id = new CaseId(jdbc.sql("select id from records.record_case where source = ?").param(source.stored()).query(UUID.class).single());
		return Map.entry(id, created == 1);
	}

	public Optional<CaseId> caseBySource(CaseSource source) {
		return jdbc.sql("select id from records.record_case where source = ?").param(source.stored()).query(UUID.class).optional().map(CaseId::new);
	}

	boolean hasDocumentFrom(CaseId recordCase, DocumentSource source) {
		return jdbc.sql("select count(*) from records.document d join records.document_version v on v.document_id = d.id "
				+ "where d.case_id = ? and v.metadata ->> 'source' = ?")
			.params(recordCase.value(), source.stored()).query(Integer.class).single() > 0;
	}

	/**
	 * Writes a content to the content store (object storage or disk). Call it before, and outside, the
	 * transaction that adds the document or version naming it: see {@link StoredContent}.
	 */
	public StoredContent storeContent(byte[] content) {
		return new StoredContent(contents.put(content), content.length);
	}

	/** Adds a document with its first version, whose content is in the content store already; its text is extracted afterwards. */
	public DocumentId addDocument(CaseId recordCase, String title, String filename, String mediaType, StoredContent content, String author,
			Map<String, String> metadata) {
		return addDocument(recordCase, title, filename, mediaType, content, author, metadata, null);
	}

	/**
	 * Adds a document with its first version, whose content is in the content store already.
	 *
	 * @param text the document's readable text where the caller has it already (a document the platform rendered itself):
	 *     the version is searchable when the transaction commits, without a text extraction; null to extract it afterwards
	 */
	public DocumentId addDocument(CaseId recordCase, String title, String filename, String mediaType, StoredContent content, String author,
			Map<String, String> metadata, @Nullable String text) {
		DocumentId document = DocumentId.random();
		VersionId version = VersionId.random();
		jdbc.sql("insert into records.document(id, case_id, title) values (?, ?, ?)").params(document.value(), recordCase.value(), title)
			.update();
		jdbc.sql("insert into records.document_version(id, document_id, version, filename, media_type, size, sha256, author, metadata) "
				+ "values (?, ?, 1, ?, ?, ?, ?, ?, ?::jsonb)")
			.params(version.value(), document.value(), filename, mediaType, content.size(), content.sha256(), author, JSON.writeValueAsString(metadata))
			.update();
		String body = text == null ? "" : text.replace('\u0000', ' ').strip();
		if (body.isEmpty()) {
			jdbc.sql("insert into records.version_text(version_id, status) values (?, ?)").params(version.value(), TextStatus.PENDING.name()).update();
			events.publishEvent(new TextExtraction.VersionAdded(de.openrathaus.tenancy.TenantContext.require(), version));
		}
		else {
			jdbc.sql("insert into records.version_text(version_id, status, body, extracted_at) values (?, ?, ?, now())")
				.params(version.value(), TextStatus.EXTRACTED.name(), body).update();
			SearchEntries.write(jdbc, version, body);
		}
		return document;
	}

	/** Adds the next version of a document, whose content is in the content store already; earlier versions stay as they are. */
	public int addVersion(DocumentId document, String filename, String mediaType, StoredContent content, String author) {
		jdbc.sql("select id from records.document where id = ? for update").param(document.value()).query(UUID.class).single();
		int next = jdbc.sql("select coalesce(max(version), 0) + 1 from records.document_version where document_id = ?")
			.param(document.value()).query(Integer.class).single();
		VersionId version = VersionId.random();
		jdbc.sql("insert into records.document_version(id, document_id, version, filename, media_type, size, sha256, author) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(version.value(), document.value(), next, filename, mediaType, content.size(), content.sha256(), author).update();
		jdbc.sql("insert into records.version_text(version_id, status) values (?, ?)").params(version.value(), TextStatus.PENDING.name()).update();
		events.publishEvent(new TextExtraction.VersionAdded(de.openrathaus.tenancy.TenantContext.require(), version));
		return next;
	}

	public boolean close(CaseId recordCase) {
		boolean closed = jdbc.sql("update records.record_case set status = ?, closed_at = now() where id = ? and status = ?")
			.params(CaseStatus.CLOSED.name(), recordCase.value(), CaseStatus.OPEN.name()).update() == 1;
		if (closed) {
			// the search's copy of the state (search_entry has no row policy: the municipality is named)
			jdbc.sql("update records.search_entry s set case_status = ? from records.document_version v "
					+ "join records.document d on d.id = v.document_id where s.version_id = v.id and d.case_id = ? "
					+ "and s.tenant_id = tenancy.current_tenant()").params(CaseStatus.CLOSED.name(), recordCase.value()).update();
		}
		return closed;
	}

	public List<RecordFile> files(java.util.Collection<DepartmentCode> departments) {
		return jdbc.sql("select id, plan_entry_id, reference, title, department, legal_hold, created_at from records.file "
				+ "where department = any(?) order by reference")
			.param(codes(departments)).query(RecordsStore::recordFile).list();
	}

	/** One page of the files of these departments, optionally under one plan entry, by reference. */
	public List<RecordFile> files(java.util.Collection<DepartmentCode> departments, @Nullable PlanEntryId planEntry, int limit, long offset) {
		String sql = "select id, plan_entry_id, reference, title, department, legal_hold, created_at from records.file "
				+ "where department = any(?)" + (planEntry == null ? "" : " and plan_entry_id = ?") + " order by reference limit ? offset ?";
		List<Object> params = new java.util.ArrayList<>();
		params.add(codes(departments));
		if (planEntry != null) {
			params.add(planEntry.value());
		}
		params.add(limit);
		params.add(offset);
		return jdbc.sql(sql).params(params).query(RecordsStore::recordFile).list();
	}

	/** A new file under a plan entry; empty if the reference is taken. */
	public Optional<FileId> createFile(PlanEntryId planEntry, String reference, String title, DepartmentCode department) {
		FileId id = FileId.random();
		int created = jdbc.sql("insert into records.file(id, plan_entry_id, reference, title, department) values (?, ?, ?, ?, ?) "
				+ "on conflict (tenant_id, reference) do nothing")
			.params(id.value(), planEntry.value(), reference, title, department.value()).update();
		return created == 1 ? Optional.of(id) : Optional.empty();
	}

	/**
	 * One page of cases of these departments, newest first, optionally of one file and in one status.
	 * The statement names only the filters given (and one department as an equality), so that
	 * PostgreSQL walks the matching index in order instead of sorting a department's cases.
	 */
	public List<RecordCase> cases(java.util.Collection<DepartmentCode> departments, @Nullable FileId file, @Nullable CaseStatus status, int limit, long offset) {
		StringBuilder sql = new StringBuilder("select id, file_id, reference, title, department, status, created_at, closed_at "
				+ "from records.record_case where ");
		List<Object> params = new java.util.ArrayList<>();
		if (file != null) {
			sql.append("file_id = ? and department = any(?)");
			params.add(file.value());
			params.add(codes(departments));
		}
		else if (departments.size() == 1) {
			sql.append("department = ?");
			params.add(departments.iterator().next().value());
		}
		else {
			sql.append("department = any(?)");
			params.add(codes(departments));
		}
		if (status != null) {
			sql.append(" and status = ?");
			params.add(status.name());
		}
		sql.append(" order by created_at desc, id desc limit ? offset ?");
		params.add(limit);
		params.add(offset);
		return jdbc.sql(sql.toString()).params(params).query(RecordsStore::recordCase).list();
	}

	/** Dates a case back (the demo data tells of cases begun and closed years ago). */
	void backdate(CaseId recordCase, Instant createdAt, @Nullable Instant closedAt) {
		jdbc.sql("update records.record_case set created_at = ?, closed_at = coalesce(?, closed_at) where id = ?")
			.params(java.sql.Timestamp.from(createdAt), closedAt == null ? null : java.sql.Timestamp.from(closedAt), recordCase.value()).update();
	}

	public boolean caseReferenceTaken(String reference) {
		return jdbc.sql("select count(*) from records.record_case where reference = ?").param(reference).query(Integer.class).single() > 0;
	}

	/** All versions of one document, oldest first. */
	public List<Version> documentVersions(DocumentId document) {
		return jdbc.sql("select v.id, v.document_id, d.title, v.version, v.filename, v.media_type, v.size, v.sha256, v.author, v.created_at, "
				+ "coalesce(t.status, 'PENDING'), t.problem from records.document d join records.document_version v on v.document_id = d.id "
				+ "left join records.version_text t on t.version_id = v.id where d.id = ? order by v.version")
			.param(document.value()).query(RecordsStore::version).list();
	}

	public Optional<RecordFile> file(FileId id) {
		return jdbc.sql("select id, plan_entry_id, reference, title, department, legal_hold, created_at from records.file where id = ?")
			.param(id.value()).query(RecordsStore::recordFile).optional();
	}

	public List<RecordCase> cases(FileId file) {
		return jdbc.sql("select id, file_id, reference, title, department, status, created_at, closed_at from records.record_case "
				+ "where file_id = ? order by created_at desc")
			.param(file.value()).query(RecordsStore::recordCase).list();
	}

	public Optional<RecordCase> recordCase(CaseId id) {
		return jdbc.sql("select id, file_id, reference, title, department, status, created_at, closed_at from records.record_case where id = ?")
			.param(id.value()).query(RecordsStore::recordCase).optional();
	}

	public List<Version> versions(CaseId recordCase) {
		return jdbc.sql("select v.id, v.document_id, d.title, v.version, v.filename, v.media_type, v.size, v.sha256, v.author, v.created_at, "
				+ "coalesce(t.status, 'PENDING'), t.problem from records.document d join records.document_version v on v.document_id = d.id "
				+ "left join records.version_text t on t.version_id = v.id where d.case_id = ? order by d.created_at, d.title, v.version")
			.param(recordCase.value()).query(RecordsStore::version).list();
	}

	public Optional<Version> version(VersionId id) {
		return jdbc.sql("select v.id, v.document_id, d.title, v.version, v.filename, v.media_type, v.size, v.sha256, v.author, v.created_at, "
				+ "coalesce(t.status, 'PENDING'), t.problem from records.document d join records.document_version v on v.document_id = d.id "
				+ "left join records.version_text t on t.version_id = v.id where v.id = ?")
			.param(id.value()).query(RecordsStore::version).optional();
	}

	public CaseId caseOfDocument(DocumentId document) {
		return new CaseId(jdbc.sql("select case_id from records.document where id = ?").param(document.value()).query(UUID.class).optional()
			.orElse(new UUID(0, 0)));
	}

	/** Reads a version's content from the content store: outside a database transaction, as every storage call. */
	public byte[] content(Version version) {
		return contents.get(version.sha256());
	}

	private static RecordCase recordCase(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new RecordCase(new CaseId(rs.getObject(1, UUID.class)), new FileId(rs.getObject(2, UUID.class)), rs.getString(3),
				rs.getString(4), new DepartmentCode(rs.getString(5)), CaseStatus.valueOf(rs.getString(6)), rs.getTimestamp(7).toInstant(), rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant());
	}

	private static RecordFile recordFile(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new RecordFile(new FileId(rs.getObject(1, UUID.class)), new PlanEntryId(rs.getObject(2, UUID.class)), rs.getString(3), rs.getString(4),
				new DepartmentCode(rs.getString(5)), rs.getBoolean(6), rs.getTimestamp(7).toInstant());
	}

	private static @Nullable PlanEntryId planEntryId(@Nullable UUID id) {
		return id == null ? null : new PlanEntryId(id);
	}

	private static String[] codes(java.util.Collection<DepartmentCode> departments) {
		return departments.stream().map(DepartmentCode::value).toArray(String[]::new);
	}

	private static Version version(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Version(new VersionId(rs.getObject(1, UUID.class)), new DocumentId(rs.getObject(2, UUID.class)), rs.getString(3), rs.getInt(4), rs.getString(5),
				rs.getString(6), rs.getLong(7), rs.getString(8), rs.getString(9), rs.getTimestamp(10).toInstant(), TextStatus.valueOf(rs.getString(11)),
				rs.getString(12));
	}
}
