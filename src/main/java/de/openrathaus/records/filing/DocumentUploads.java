// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.filing;

import java.util.Map;
import java.util.Optional;

import de.openrathaus.files.Sha256;
import de.openrathaus.records.audit.AuditAction;
import de.openrathaus.files.MediaTypes;
import de.openrathaus.files.Filenames;
import de.openrathaus.files.UploadScanner;
import de.openrathaus.files.PdfInspection;
import de.openrathaus.records.audit.AuditTrail;
import de.openrathaus.records.content.StoredContent;
import de.openrathaus.web.Refusal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Clerks add documents and new versions to open cases: any file type (its real type is detected
 * from the content; a PDF must load in PDFBox and carry no active content), a safe file name, never the same content twice in a case, never into a closed
 * case. A version is added, never replaced.
 */
@Service
public class DocumentUploads {

	private final RecordsStore store;
	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final TransactionTemplate transactions;

	private final UploadScanner scanner;

	DocumentUploads(RecordsStore store, JdbcClient jdbc, AuditTrail audit, TransactionTemplate transactions, UploadScanner scanner) {
		this.scanner = scanner;
		this.store = store;
		this.jdbc = jdbc;
		this.audit = audit;
		this.transactions = transactions;
	}

	/**
	 * Adds a document to an open case. The checks read the database, the content then goes to the
	 * content store, and only then one transaction adds the rows and the audit entry (no storage
	 * call inside a transaction; see {@link StoredContent} for a transaction that fails after it).
	 */
	public DocumentId addDocument(RecordsStore.RecordCase recordCase, String title, String originalName, byte[] content, String author, String origin) {
		String filename = check(recordCase, originalName, content);
		String cleanTitle = title == null || title.isBlank() ? filename : title.strip();
		if (cleanTitle.length() > 200) {
			throw Refusal.of("records.upload.titleTooLong", "200");
		}
		String mediaType = MediaTypes.detect(content, filename);
		StoredContent stored = store.storeContent(content);
		return inTransaction(() -> {
			DocumentId document = store.addDocument(recordCase.id(), cleanTitle, filename, mediaType, stored, author,
					Map.of("source", DocumentSource.UPLOAD.stored()));
			audit.record(author, AuditAction.DOCUMENT_ADDED, "document " + cleanTitle + " v1 in case " + recordCase.reference(), origin);
			return document;
		});
	}

	/** One scanned file as received. */
	public record Scan(String originalName, byte[] content) {
	}

	/**
	 * Imports a scan station's PDFs into a case, one document each, titled by file name: all of them
	 * or, if one is not a PDF, empty, a duplicate or the case is closed, none (the message names the file).
	 * Every scan is checked before any is stored; the rows of all of them are added in one transaction.
	 */
	public int importScans(RecordsStore.RecordCase recordCase, java.util.List<Scan> scans, String author, String origin) {
		java.util.Set<String> seen = new java.util.HashSet<>();
		java.util.List<String> filenames = new java.util.ArrayList<>();
		for (Scan scan : scans) {
			if (scan.content().length > 0 && !seen.add(Sha256.hex(scan.content()))) {
				throw Refusal.of("records.scan.twice", Filenames.clean(scan.originalName()));
			}
			String filename = check(recordCase, scan.originalName(), scan.content());
			if (!"application/pdf".equals(MediaTypes.detect(scan.content(), filename))) {
				throw Refusal.of("records.scan.notPdf", filename);
			}
			filenames.add(filename);
		}
		java.util.List<StoredContent> stored = scans.stream().map(scan -> store.storeContent(scan.content())).toList();
		return inTransaction(() -> {
			for (int i = 0; i < scans.size(); i++) {
				String filename = filenames.get(i);
				String title = filename.length() > 200 ? filename.substring(0, 200) : filename;
				store.addDocument(recordCase.id(), title, filename, "application/pdf", stored.get(i), author,
						Map.of("source", DocumentSource.SCAN.stored()));
				audit.record(author, AuditAction.DOCUMENT_ADDED, "scan " + filename + " v1 in case " + recordCase.reference(), origin);
			}
			return scans.size();
		});
	}

	/** Adds the next version of a document: checks, then the content store, then the rows in one transaction. */
	public int addVersion(RecordsStore.RecordCase recordCase, DocumentId document, String originalName, byte[] content, String author, String origin) {
		String filename = check(recordCase, originalName, content);
		String mediaType = MediaTypes.detect(content, filename);
		StoredContent stored = store.storeContent(content);
		return inTransaction(() -> {
			int version = store.addVersion(document, filename, mediaType, stored, author);
			audit.record(author, AuditAction.VERSION_ADDED, "document " + document + " v" + version + " in case " + recordCase.reference(), origin);
			return version;
		});
	}

	private <T> T inTransaction(java.util.function.Supplier<T> work) {
		return java.util.Objects.requireNonNull(transactions.execute(status -> work.get()));
	}

	private String check(RecordsStore.RecordCase recordCase, String originalName, byte[] content) {
		if (recordCase.status() != CaseStatus.OPEN) {
			throw Refusal.of("records.upload.closed", recordCase.reference());
		}
		String filename = Filenames.clean(originalName);
		if (content.length == 0) {
			throw Refusal.of("records.upload.empty", filename);
		}
		// before anything is stored, outside the transactions below: never keep what could not be checked
		de.openrathaus.files.ScanVerdict verdict = scanner.scan(content, "records.document");
		if (!verdict.accepted()) {
			throw Refusal.of(verdict.outcome() == de.openrathaus.files.ScanVerdict.Outcome.INFECTED ? "records.upload.infected"
					: "records.upload.unchecked", filename);
		}
		String sha = Sha256.hex(content);
		Optional<String> existing = jdbc.sql("select d.title from records.document d join records.document_version v on v.document_id = d.id "
				+ "where d.case_id = ? and v.sha256 = ? limit 1").params(recordCase.id().value(), sha).query(String.class).optional();
		if (existing.isPresent()) {
			throw Refusal.conflict("records.upload.duplicate", existing.get());
		}
		if (MediaTypes.detect(content, filename).startsWith("application/pdf")) {
			// a PDF only if PDFBox loads it, small enough when inflated, and without JavaScript or launch actions
			try {
				PdfInspection.check(content, PdfInspection.Limits.DEFAULT, java.time.Instant.now().plusSeconds(30));
			}
			catch (PdfInspection.Refused refused) {
				throw Refusal.of("records.upload.pdf." + refused.problem(), filename);
			}
		}
		return filename;
	}
}
