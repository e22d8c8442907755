// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import de.openrathaus.documents.Filenames;

import org.apache.tika.Tika;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clerks add documents and new versions to open cases: any file type (its real type is detected
 * from the content), a safe file name, never the same content twice in a case, never into a closed
 * case. A version is added, never replaced.
 */
@Service
class DocumentUploads {

	private static final Tika TIKA = new Tika();

	private final RecordsStore store;
	private final JdbcClient jdbc;
	private final AuditTrail audit;

	DocumentUploads(RecordsStore store, JdbcClient jdbc, AuditTrail audit) {
		this.store = store;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** A refused upload with the message code explaining why. */
	static class Refused extends RuntimeException {

		final String code;
		final String argument;

		Refused(String code, String argument) {
			super(code, null, false, false);
			this.code = code;
			this.argument = argument;
		}
	}

	@Transactional
	UUID addDocument(RecordsStore.RecordCase recordCase, String title, String originalName, byte[] content, String author, String origin) {
		String filename = check(recordCase, originalName, content);
		String cleanTitle = title == null || title.isBlank() ? filename : title.strip();
		if (cleanTitle.length() > 200) {
			throw new Refused("records.upload.titleTooLong", "200");
		}
		UUID document = store.addDocument(recordCase.id(), cleanTitle, filename, detect(content, filename), content, author,
				Map.of("source", "upload"));
		audit.record(author, "DOCUMENT_ADDED", "document " + cleanTitle + " v1 in case " + recordCase.reference(), origin);
		return document;
	}

	@Transactional
	int addVersion(RecordsStore.RecordCase recordCase, UUID document, String originalName, byte[] content, String author, String origin) {
		String filename = check(recordCase, originalName, content);
		int version = store.addVersion(document, filename, detect(content, filename), content, author);
		audit.record(author, "VERSION_ADDED", "document " + document + " v" + version + " in case " + recordCase.reference(), origin);
		return version;
	}

	private String check(RecordsStore.RecordCase recordCase, String originalName, byte[] content) {
		if (!"OPEN".equals(recordCase.status())) {
			throw new Refused("records.upload.closed", recordCase.reference());
		}
		if (content.length == 0) {
			throw new Refused("records.upload.empty", "");
		}
		String filename = Filenames.clean(originalName);
		String sha = FileSystemContentStore.sha256(content);
		Optional<String> existing = jdbc.sql("select d.title from records.document d join records.document_version v on v.document_id = d.id "
				+ "where d.case_id = ? and v.sha256 = ? limit 1").params(recordCase.id(), sha).query(String.class).optional();
		if (existing.isPresent()) {
			throw new Refused("records.upload.duplicate", existing.get());
		}
		return filename;
	}

	static String detect(byte[] content, String filename) {
		Metadata metadata = new Metadata();
		metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, filename);
		try {
			return TIKA.detect(new ByteArrayInputStream(content), metadata);
		}
		catch (IOException e) {
			return "application/octet-stream";
		}
	}
}
