// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.internal;

import java.io.ByteArrayInputStream;
import java.util.UUID;

import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.TenantId;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Extracts the text of a new document version (PDF, office documents, plain text: Apache Tika)
 * after the upload committed, so uploads stay fast; the version is searchable a moment later. The
 * search vector combines case, document title and text with the German configuration. A broken or
 * encrypted document is marked FAILED and stays findable by its metadata.
 */
@Component
class TextExtraction {

	/** A version was stored and waits for its text. */
	record VersionAdded(TenantId tenant, UUID version) {
	}

	static final int MAX_CHARACTERS = 2_000_000;
	/** Thread-safe; building one looks up every parser on the class path, too costly per document. */
	private static final AutoDetectParser PARSER = new AutoDetectParser();
	private static final Logger log = LoggerFactory.getLogger(TextExtraction.class);

	private final JdbcClient jdbc;
	private final RecordsStore store;
	private final TransactionTemplate transactions;

	TextExtraction(JdbcClient jdbc, RecordsStore store, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.store = store;
		this.transactions = transactions;
	}

	@Async
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(VersionAdded event) {
		TenantContext.runAs(event.tenant(), () -> extract(event.version()));
	}

	void extract(UUID versionId) {
		RecordsStore.Version version = store.version(versionId).orElseThrow();
		String text;
		String status;
		BodyContentHandler handler = new BodyContentHandler(MAX_CHARACTERS);
		try {
			Metadata metadata = new Metadata();
			PARSER.parse(new ByteArrayInputStream(store.content(version)), handler, metadata, new ParseContext());
			text = handler.toString();
			status = "EXTRACTED";
		}
		catch (Exception | LinkageError e) {
			if (org.apache.tika.exception.WriteLimitReachedException.isWriteLimitReached(e)) {
				// a very long document: its first MAX_CHARACTERS are searchable
				text = handler.toString();
				status = "EXTRACTED";
			}
			else {
				log.info("No text from document version {}: {}", versionId, e.getClass().getSimpleName());
				text = "";
				status = "FAILED";
			}
		}
		String body = text.replace('\u0000', ' ').strip();
		// a scan without a text layer, or a container without readable parts: nothing to search but the metadata
		String finalStatus = body.isEmpty() ? "FAILED" : status;
		transactions.executeWithoutResult(tx -> jdbc.sql("""
				update records.version_text t set status = ?, body = ?, extracted_at = now(), department = c.department,
				       search = setweight(to_tsvector('german', coalesce(c.reference, '') || ' ' || coalesce(c.title, '') || ' ' || d.title || ' ' || v.filename), 'A')
				             || setweight(to_tsvector('german', ?), 'B')
				  from records.document_version v join records.document d on d.id = v.document_id join records.record_case c on c.id = d.case_id
				 where t.version_id = v.id and v.id = ?""")
			.params(finalStatus, body, body, versionId).update());
	}
}
