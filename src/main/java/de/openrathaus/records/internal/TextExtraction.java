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
	private final de.openrathaus.tenancy.Tenants tenants;

	TextExtraction(JdbcClient jdbc, RecordsStore store, TransactionTemplate transactions, de.openrathaus.tenancy.Tenants tenants) {
		this.jdbc = jdbc;
		this.store = store;
		this.transactions = transactions;
		this.tenants = tenants;
	}

	/**
	 * Extracts what is still waiting although it was stored a while ago: the queue of the
	 * asynchronous extraction lives in memory, so a restart or crash between an upload and its
	 * extraction would otherwise leave the version unsearchable for good.
	 */
	@org.springframework.scheduling.annotation.Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT5M")
	void catchUpRegularly() {
		catchUp(java.time.Duration.ofMinutes(2));
	}

	/** Extracts waiting versions stored longer than {@code olderThan} ago, per municipality; returns how many. */
	int catchUp(java.time.Duration olderThan) {
		int done = 0;
		for (de.openrathaus.tenancy.Tenant tenant : tenants.all()) {
			java.util.List<UUID> waiting = TenantContext.callAs(tenant.id(), () -> jdbc.sql("""
					select t.version_id from records.version_text t join records.document_version v on v.id = t.version_id
					 where t.status = 'PENDING' and v.created_at < now() - make_interval(secs => ?) order by v.created_at limit 1000""")
				.param((double) olderThan.toSeconds()).query(UUID.class).list());
			for (UUID version : waiting) {
				TenantContext.runAs(tenant.id(), () -> extract(version));
			}
			if (!waiting.isEmpty()) {
				log.info("Text extraction caught up on {} waiting document versions of '{}'", waiting.size(), tenant.slug());
			}
			done += waiting.size();
		}
		return done;
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
		transactions.executeWithoutResult(tx -> {
			jdbc.sql("update records.version_text set status = ?, body = ?, extracted_at = now() where version_id = ?")
				.params(finalStatus, body, versionId).update();
			jdbc.sql("""
					insert into records.search_entry(version_id, department, extracted_at, plan_number, filed_at, case_status, search)
					select v.id, c.department, now(), p.number, v.created_at, c.status,
					       setweight(to_tsvector('german', coalesce(c.reference, '') || ' ' || coalesce(c.title, '') || ' ' || d.title || ' ' || v.filename), 'A')
					       || setweight(to_tsvector('german', ?), 'B')
					  from records.document_version v join records.document d on d.id = v.document_id join records.record_case c on c.id = d.case_id
					  join records.file f on f.id = c.file_id join records.plan_entry p on p.id = f.plan_entry_id
					 where v.id = ?
					on conflict (version_id) do update set department = excluded.department, extracted_at = excluded.extracted_at,
					       plan_number = excluded.plan_number, filed_at = excluded.filed_at, case_status = excluded.case_status,
					       search = excluded.search""")
				.params(body, versionId).update();
		});
	}
}
