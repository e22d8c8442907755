// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.filing;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import de.openrathaus.account.DepartmentCode;
import de.openrathaus.records.audit.AuditAction;
import de.openrathaus.records.audit.AuditTrail;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Clerks and their departments' software read the e-file: each read is scoped to the reader's
 * departments and written to the audit trail in the same transaction, so an entry exists exactly
 * if the data was handed out (a document's content is read from storage after that transaction:
 * see {@link #content}). Something outside the reader's departments is as absent as
 * something that does not exist (empty, and nothing audited).
 */
@Service
public class EFileReading {

	private final RecordsStore store;
	private final AuditTrail audit;
	private final TransactionTemplate transactions;

	EFileReading(RecordsStore store, AuditTrail audit, TransactionTemplate transactions) {
		this.store = store;
		this.audit = audit;
		this.transactions = transactions;
	}

	/** The file plan with the reader's files. */
	public record PlanView(List<RecordsStore.PlanEntry> plan, List<RecordsStore.RecordFile> files) {
	}

	/** A case with its file and all versions of its documents. */
	public record CaseView(RecordsStore.RecordCase recordCase, RecordsStore.RecordFile file, List<RecordsStore.Version> versions) {
	}

	/** A file with its cases, newest first. */
	public record FileView(RecordsStore.RecordFile file, List<RecordsStore.RecordCase> cases) {
	}

	/** One version's content. */
	public record Content(RecordsStore.Version version, byte[] bytes) {
	}

	/** A document with all its versions, oldest first, and its case. */
	public record DocumentView(RecordsStore.RecordCase recordCase, List<RecordsStore.Version> versions) {
	}

	@Transactional
	public PlanView plan(Reader reader) {
		PlanView view = new PlanView(store.plan(), store.files(reader.departments()));
		audit.record(reader.name(), AuditAction.READ, "file plan", reader.origin());
		return view;
	}

	@Transactional
	public Optional<FileView> fileWithCases(Reader reader, FileId id) {
		return visibleFile(reader, id).map(file -> {
			FileView view = new FileView(file, store.cases(id));
			audit.record(reader.name(), AuditAction.READ, "file " + file.reference(), reader.origin());
			return view;
		});
	}

	@Transactional
	public Optional<RecordsStore.RecordFile> file(Reader reader, FileId id, Channel channel) {
		return visibleFile(reader, id).map(file -> {
			audit.record(reader.name(), AuditAction.READ, channel.describe("file " + file.reference()), reader.origin());
			return file;
		});
	}

	@Transactional
	public Optional<CaseView> recordCase(Reader reader, CaseId id, Channel channel) {
		return visibleCase(reader, id).map(recordCase -> {
			CaseView view = new CaseView(recordCase, store.file(recordCase.file()).orElseThrow(), store.versions(id));
			audit.record(reader.name(), AuditAction.READ, channel.describe("case " + recordCase.reference()), reader.origin());
			return view;
		});
	}

	/**
	 * One version's content. Access is checked and the read audited in one short transaction, which
	 * hands back the version (and with it the content's storage key); the content is then read from
	 * the content store after that transaction, as the store may be object storage over the network.
	 * If the store fails, the audit trail still shows the attempt: it errs towards recording a read.
	 */
	public Optional<Content> content(Reader reader, VersionId id, Channel channel) {
		Optional<RecordsStore.Version> granted = Objects.requireNonNull(transactions.execute(tx -> grantContent(reader, id, channel)));
		return granted.map(version -> new Content(version, store.content(version)));
	}

	private Optional<RecordsStore.Version> grantContent(Reader reader, VersionId id, Channel channel) {
		return store.version(id).flatMap(version -> visibleCase(reader, store.caseOfDocument(version.document())).map(recordCase -> {
			audit.record(reader.name(), AuditAction.READ, channel.describe("document " + version.documentTitle() + " v" + version.version()
					+ " in case " + recordCase.reference()), reader.origin());
			return version;
		}));
	}

	@Transactional
	public Optional<DocumentView> document(Reader reader, DocumentId id, Channel channel) {
		return visibleCase(reader, store.caseOfDocument(id)).flatMap(recordCase -> {
			List<RecordsStore.Version> versions = store.documentVersions(id);
			if (versions.isEmpty()) {
				return Optional.empty();
			}
			audit.record(reader.name(), AuditAction.READ, channel.describe("document " + versions.getFirst().documentTitle() + " in case "
					+ recordCase.reference()), reader.origin());
			return Optional.of(new DocumentView(recordCase, versions));
		});
	}

	/** One page of the reader's files, optionally under one plan entry, by reference. */
	@Transactional
	public List<RecordsStore.RecordFile> files(Reader reader, @Nullable PlanEntryId planEntry, int limit, long offset, Channel channel) {
		List<RecordsStore.RecordFile> rows = store.files(reader.departments(), planEntry, limit, offset);
		audit.record(reader.name(), AuditAction.READ, channel.describe("files"), reader.origin());
		return rows;
	}

	/** One page of a file's cases, newest first; empty if the reader does not see the file. */
	@Transactional
	public Optional<List<RecordsStore.RecordCase>> casesOfFile(Reader reader, FileId id, @Nullable CaseStatus status, int limit, long offset,
			Channel channel) {
		return visibleFile(reader, id).map(file -> {
			List<RecordsStore.RecordCase> rows = store.cases(reader.departments(), id, status, limit, offset);
			audit.record(reader.name(), AuditAction.READ, channel.describe("cases of file " + file.reference()), reader.origin());
			return rows;
		});
	}

	/** One page of the cases of these of the reader's departments (none if none), newest first. */
	@Transactional
	public List<RecordsStore.RecordCase> cases(Reader reader, Collection<DepartmentCode> departments, @Nullable CaseStatus status, int limit,
			long offset, Channel channel) {
		List<DepartmentCode> asked = departments.stream().filter(reader::sees).toList();
		List<RecordsStore.RecordCase> rows = asked.isEmpty() ? List.of() : store.cases(asked, null, status, limit, offset);
		audit.record(reader.name(), AuditAction.READ, channel.describe("cases"), reader.origin());
		return rows;
	}

	private Optional<RecordsStore.RecordFile> visibleFile(Reader reader, FileId id) {
		return store.file(id).filter(file -> reader.sees(file.department()));
	}

	private Optional<RecordsStore.RecordCase> visibleCase(Reader reader, CaseId id) {
		return store.recordCase(id).filter(recordCase -> reader.sees(recordCase.department()));
	}
}
