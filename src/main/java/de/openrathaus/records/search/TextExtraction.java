// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.search;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import de.openrathaus.files.PdfInspection;
import de.openrathaus.records.config.RecordsSettings;
import de.openrathaus.records.filing.RecordsStore;
import de.openrathaus.records.filing.TextStatus;
import de.openrathaus.records.filing.VersionId;
import de.openrathaus.tenancy.Tenant;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.TenantId;
import de.openrathaus.tenancy.Tenants;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Extracts the text of a new document version (PDF, office documents, plain text: Apache Tika)
 * after the upload committed, so uploads stay fast; the version is searchable a moment later. The
 * search vector combines case, document title and text with the German configuration.
 * <p>
 * A document is untrusted input that can cost unbounded CPU and memory (a 5 MB PDF inflated to
 * 3.3 GB kept both cores busy). So extraction runs on its own small, bounded executor, never on the
 * scheduler's threads that also send mail; a PDF's streams are inflated into bounded buffers before
 * Tika sees it ({@link PdfInspection}); the parse stops when its time is up or enough characters are
 * read. A version that fails is marked FAILED with the reason and never tried again; one whose
 * extraction was started {@link #MAX_ATTEMPTS} times without an outcome (the instance died on it) is
 * given up as ABORTED. What does not fit into the queue stays PENDING for the next catch-up.
 */
@Component
public class TextExtraction {

	/** A version was stored and waits for its text. */
	public record VersionAdded(TenantId tenant, VersionId version) {
	}

	/** Starts of one version's extraction before it is given up. */
	public static final int MAX_ATTEMPTS = 3;

	/** Thread-safe; building one looks up every parser on the class path, too costly per document. */
	private static final AutoDetectParser PARSER = new AutoDetectParser();
	private static final Logger log = LoggerFactory.getLogger(TextExtraction.class);

	private final JdbcClient jdbc;
	private final RecordsStore store;
	private final TransactionTemplate transactions;
	private final Tenants tenants;
	private final RecordsSettings.Extraction settings;
	private final ThreadPoolExecutor executor;
	/** Versions queued or running, so a catch-up does not queue them a second time. */
	private final Set<VersionId> queued = ConcurrentHashMap.newKeySet();

	TextExtraction(JdbcClient jdbc, RecordsStore store, TransactionTemplate transactions, Tenants tenants, RecordsSettings settings) {
		this.jdbc = jdbc;
		this.store = store;
		this.transactions = transactions;
		this.tenants = tenants;
		this.settings = settings.extraction();
		AtomicInteger number = new AtomicInteger();
		this.executor = new ThreadPoolExecutor(this.settings.threads(), this.settings.threads(), 0, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(this.settings.queue()), task -> {
					Thread thread = new Thread(task, "text-extraction-" + number.incrementAndGet());
					thread.setDaemon(true);
					thread.setPriority(Thread.NORM_PRIORITY - 1);
					return thread;
				}, new ThreadPoolExecutor.AbortPolicy());
	}

	@PreDestroy
	void stop() {
		executor.shutdownNow();
	}

	/**
	 * Queues what is still waiting although it was stored a while ago: the queue lives in memory, so a
	 * restart or crash between an upload and its extraction would otherwise leave the version
	 * unsearchable for good. Only queues; the scheduler's thread never extracts.
	 */
	@SchedulerLock(name = "records.text-extraction.catch-up", lockAtMostFor = "PT4M", lockAtLeastFor = "PT30S")
	@Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT5M")
	void catchUpRegularly() {
		catchUp(Duration.ofMinutes(2));
	}

	/** Queues waiting versions stored longer than {@code olderThan} ago, per municipality; returns how many were queued. */
	public int catchUp(Duration olderThan) {
		int done = 0;
		for (Tenant tenant : tenants.all()) {
			List<VersionId> waiting = TenantContext.callAs(tenant.id(), () -> jdbc.sql("""
					select t.version_id from records.version_text t join records.document_version v on v.id = t.version_id
					 where t.status = 'PENDING' and v.created_at < now() - make_interval(secs => ?) order by v.created_at limit ?""")
				.params((double) olderThan.toSeconds(), settings.queue()).query(UUID.class).list().stream().map(VersionId::new).toList());
			int added = 0;
			for (VersionId version : waiting) {
				added += submit(tenant.id(), version) ? 1 : 0;
			}
			if (added > 0) {
				log.info("Text extraction queued {} waiting document versions of '{}'", added, tenant.slug());
			}
			done += added;
		}
		return done;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(VersionAdded event) {
		submit(event.tenant(), event.version());
	}

	private boolean submit(TenantId tenant, VersionId version) {
		if (!queued.add(version)) {
			return false;
		}
		try {
			executor.execute(() -> {
				try {
					TenantContext.runAs(tenant, () -> extract(version));
				}
				catch (RuntimeException e) {
					log.warn("Text extraction of document version {} stopped: {}", version, e.getClass().getSimpleName());
				}
				finally {
					queued.remove(version);
				}
			});
			return true;
		}
		catch (RejectedExecutionException e) {
			// the queue is full (or the application stops): the version stays PENDING for the next catch-up
			queued.remove(version);
			return false;
		}
	}

	/** The outcome of one extraction. */
	private record Outcome(TextStatus status, @Nullable String problem, String text) {
	}

	/** Extracts one waiting version in the calling thread, within the limits; a version no longer waiting is left alone. */
	void extract(VersionId versionId) {
		Integer attempt = transactions.execute(tx -> jdbc.sql(
				"update records.version_text set attempts = attempts + 1 where version_id = ? and status = ? returning attempts")
			.params(versionId.value(), TextStatus.PENDING.name()).query(Integer.class).optional().orElse(null));
		if (attempt == null) {
			return;
		}
		Outcome outcome = attempt > MAX_ATTEMPTS ? new Outcome(TextStatus.FAILED, "ABORTED", "") : read(versionId);
		if (outcome.problem() != null) {
			log.info("Text of document version {}: {} {}", versionId, outcome.status(), outcome.problem());
		}
		String body = outcome.text().replace('\u0000', ' ').strip();
		// a scan without a text layer, or a container without readable parts: nothing to search but the metadata
		Outcome result = body.isEmpty() && outcome.status() == TextStatus.EXTRACTED ? new Outcome(TextStatus.FAILED, "NO_TEXT", "") : outcome;
		transactions.executeWithoutResult(tx -> {
			jdbc.sql("update records.version_text set status = ?, problem = ?, body = ?, extracted_at = now() where version_id = ?")
				.params(result.status().name(), result.problem(), body, versionId.value()).update();
			SearchEntries.write(jdbc, versionId, body);
		});
	}

	private Outcome read(VersionId versionId) {
		Instant deadline = Instant.now().plus(settings.timeLimit());
		BoundedText text = new BoundedText(settings.maxCharacters(), deadline);
		try {
			RecordsStore.Version version = store.version(versionId).orElseThrow();
			byte[] content = store.content(version);
			if (version.mediaType().startsWith("application/pdf") || startsWithPdfSignature(content)) {
				PdfInspection.checkSize(content, settings.limits(), deadline);
			}
			PARSER.parse(new ByteArrayInputStream(content), new BodyContentHandler(text), new Metadata(), new ParseContext());
			return new Outcome(TextStatus.EXTRACTED, null, text.toString());
		}
		catch (PdfInspection.Refused e) {
			return new Outcome(TextStatus.FAILED, e.problem() == PdfInspection.Problem.ACTIVE_CONTENT ? "UNREADABLE" : e.problem().name(), "");
		}
		catch (Exception | LinkageError e) {
			if (text.full) {
				// a very long document: its first characters are searchable
				return new Outcome(TextStatus.EXTRACTED, "TRUNCATED", text.toString());
			}
			if (text.timeUp) {
				return new Outcome(TextStatus.FAILED, "TIME_LIMIT", "");
			}
			boolean encrypted = e instanceof org.apache.tika.exception.EncryptedDocumentException
					|| e.getCause() instanceof org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
			return new Outcome(TextStatus.FAILED, encrypted ? "ENCRYPTED" : "UNREADABLE", "");
		}
	}

	private static boolean startsWithPdfSignature(byte[] content) {
		return content.length >= 5 && content[0] == '%' && content[1] == 'P' && content[2] == 'D' && content[3] == 'F' && content[4] == '-';
	}

	/**
	 * Collects the text and stops the parse (by throwing from inside it) once enough characters are
	 * read or the time is up: Tika has no time limit of its own.
	 */
	private static final class BoundedText extends DefaultHandler {

		private final StringBuilder text = new StringBuilder();
		private final int max;
		private final Instant deadline;
		boolean full;
		boolean timeUp;

		BoundedText(int max, Instant deadline) {
			this.max = max;
			this.deadline = deadline;
		}

		@Override
		public void characters(char[] ch, int start, int length) throws SAXException {
			if (Instant.now().isAfter(deadline)) {
				timeUp = true;
				throw new SAXException("time limit of the text extraction reached");
			}
			int room = max - text.length();
			text.append(ch, start, Math.min(room, length));
			if (length > room) {
				full = true;
				throw new SAXException("character limit of the text extraction reached");
			}
		}

		@Override
		public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
			characters(ch, start, length);
		}

		@Override
		public void startElement(String uri, String localName, String qName, org.xml.sax.Attributes attributes) throws SAXException {
			if (Instant.now().isAfter(deadline)) {
				timeUp = true;
				throw new SAXException("time limit of the text extraction reached");
			}
		}

		@Override
		public String toString() {
			return text.toString();
		}
	}
}
