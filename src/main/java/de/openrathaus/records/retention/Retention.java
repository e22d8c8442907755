// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.retention;

import java.time.LocalDate;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import de.openrathaus.records.filing.Disposal;
import de.openrathaus.records.filing.CaseSource;
import de.openrathaus.records.audit.AuditAction;
import de.openrathaus.records.filing.FileId;
import de.openrathaus.records.filing.DocumentId;
import de.openrathaus.records.filing.CaseId;
import de.openrathaus.procedure.Applications;
import de.openrathaus.records.audit.AuditTrail;
import de.openrathaus.records.content.ContentStore;
import de.openrathaus.tenancy.Tenant;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.Tenants;
import de.openrathaus.web.Refusal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention (Aufbewahrung): a closed case's period starts at the end of the year it was closed and
 * lasts the years its file plan entry names. A daily job lists what is due; the records manager
 * confirms; a confirmed destruction removes contents, texts, titles and names and keeps only a
 * minimal destruction record. A legal hold on the file stops listing and destruction.
 */
@Service
public class Retention {

	private static final Logger log = LoggerFactory.getLogger(Retention.class);

	private final RetentionStore store;
	private final ContentStore contents;
	private final AuditTrail audit;
	private final Tenants tenants;
	private final TransactionTemplate transactions;
	private final Applications applications;
	private final Clock clock;

	/** A case on the due list. */
	public record Due(CaseId caseId, String reference, String planNumber, String planTitle, LocalDate dueOn, Disposal action, DisposalState status,
			boolean legalHold) {
	}

	Retention(RetentionStore store, ContentStore contents, AuditTrail audit, Tenants tenants, TransactionTemplate transactions,
			Applications applications, Clock clock) {
		this.applications = applications;
		this.clock = clock;
		this.store = store;
		this.contents = contents;
		this.audit = audit;
		this.tenants = tenants;
		this.transactions = transactions;
	}

	/**
	 * The same check once at start-up (after the demo files, order 300), so the due list is not
	 * empty until the first night after a fresh start or a long downtime.
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Order(400)
	void atStartUp() {
		daily();
	}

	@SchedulerLock(name = "records.retention.daily", lockAtMostFor = "PT3H", lockAtLeastFor = "PT5M")
	@Scheduled(cron = "${openrathaus.records.retention-cron:0 30 2 * * *}", zone = "Europe/Berlin")
	void nightly() {
		daily();
	}

	void daily() {
		for (Tenant tenant : tenants.all()) {
			int listed = TenantContext.callAs(tenant.id(), () -> transactions.execute(s -> list(LocalDate.now(clock))));
			if (listed > 0) {
				log.info("Retention for '{}': {} cases newly due", tenant.slug(), listed);
			}
		}
	}

	/** Lists closed cases whose retention has ended by this day and whose file is not on hold. */
	@Transactional
	public int list(LocalDate day) {
		return store.listDue(day);
	}

	public List<Due> due() {
		return store.due();
	}

	/**
	 * Destroys a listed case: refuses when it is not listed for destruction or its file is on hold.
	 * The rows go in one transaction; the contents are deleted from the content store after it has
	 * committed (no storage call inside a transaction, and nothing deleted that a rollback would keep).
	 */
	public void destroy(CaseId caseId, String manager, String origin) {
		outsideTransactions();
		List<String> hashes = inTransaction(() -> {
			Due due = due().stream().filter(d -> d.caseId().equals(caseId)).findFirst()
				.orElseThrow(() -> Refusal.conflict("records.retention.notDestroyable"));
			if (due.legalHold() || due.action() != Disposal.DESTROY) {
				throw Refusal.conflict("records.retention.notDestroyable");
			}
			return remove(caseId, due.reference(), due.planNumber(), AuditAction.DESTROYED, manager, origin);
		});
		deleteUnused(hashes);
	}

	/**
	 * Removes a case's documents and texts, keeping only a record of what it was and what happened;
	 * returns the hashes of its contents, which the caller deletes once the transaction has committed.
	 */
	private List<String> remove(CaseId caseId, String reference, String planNumber, AuditAction outcome, String manager, String origin) {
		List<String> hashes = store.contentHashes(caseId);
		int documents = store.documentCount(caseId);
		store.recordRemoval(caseId, planNumber, documents, store.versionCount(caseId), manager, outcome);
		store.deleteDocuments(caseId);
		// the online procedure's application of this case goes with it: answers, attachments, decision
		store.source(caseId).flatMap(CaseSource::application).ifPresent(applications::dispose);
		store.blankOut(caseId, outcome == AuditAction.DESTROYED ? "[vernichtet]" : "[an das Archiv abgegeben]");
		store.markDone(caseId, manager);
		audit.record(manager, outcome, "case " + reference + " (" + documents + " documents)", origin);
		return hashes;
	}

	/**
	 * Deletes the contents no version names any more, after the removal has committed. A crash in
	 * between leaves orphan objects: space, not data anyone can reach.
	 */
	private void deleteUnused(List<String> hashes) {
		hashes.stream().distinct().filter(h -> !store.contentInUse(h)).forEach(contents::delete);
	}

	/** The use cases that call the content store open their own, short transactions around the database work only. */
	private static void outsideTransactions() {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Retention calls the content store: call it outside a transaction");
		}
	}

	private <T> T inTransaction(java.util.function.Supplier<T> work) {
		return java.util.Objects.requireNonNull(transactions.execute(status -> work.get()));
	}

	/**
	 * The xdomea offer list (0501) of every listed case whose plan entry says "offer to the archive",
	 * as the ZIP package to hand to the archive; the cases stay listed until the archive's assessment.
	 */
	@Transactional
	public byte[] offerList(XdomeaOfferList.Parties parties, String manager, String origin) {
		List<XdomeaOfferList.Offered> offered = store.toOffer();
		if (offered.isEmpty()) {
			throw new IllegalStateException("nothing to offer");
		}
		UUID process = UUID.randomUUID();
		byte[] xml = XdomeaOfferList.xml(process, parties, offered, java.time.LocalDateTime.now(clock));
		store.offered(process, offered.stream().map(XdomeaOfferList.Offered::id).toList());
		audit.record(manager, AuditAction.OFFERED, "xdomea 0501 " + process + " with " + offered.size() + " cases", origin);
		return XdomeaOfferList.zip(process, xml);
	}

	/**
	 * Reads the archive's answer. 0502 (assessment): "A" marks a case for hand-over, "V" releases it
	 * for destruction; an id the offer did not contain refuses the whole answer. 0504
	 * (acknowledgement): the cases handed over in that process leave the e-file, a record stays.
	 *
	 * @return how many cases the answer concerned
	 */
	public int applyArchiveAnswer(byte[] message, String manager, String origin) {
		outsideTransactions();
		XdomeaMessages.Answer answer;
		try {
			answer = XdomeaMessages.read(message);
		}
		catch (IllegalArgumentException unreadable) {
			throw Refusal.of("records.archive.refused");
		}
		if (answer.type().endsWith(".0502")) {
			return inTransaction(() -> {
				List<CaseId> known = store.listedIn(answer.process());
				List<CaseId> unknown = answer.assessments().keySet().stream().filter(id -> !known.contains(id)).toList();
				java.util.Map<CaseId, ArchiveAssessment> assessments = new java.util.LinkedHashMap<>();
				answer.assessments().forEach((id, code) -> ArchiveAssessment.of(code).ifPresent(a -> assessments.put(id, a)));
				if (answer.assessments().isEmpty() || !unknown.isEmpty() || assessments.size() != answer.assessments().size()) {
					throw Refusal.of("records.archive.refused");
				}
				assessments.forEach(store::assess);
				audit.record(manager, AuditAction.ASSESSED, "xdomea 0502 " + answer.process() + " for " + assessments.size() + " cases", origin);
				return assessments.size();
			});
		}
		if (answer.type().endsWith(".0504")) {
			List<String> hashes = new java.util.ArrayList<>();
			int count = inTransaction(() -> {
				List<Due> handedOver = store.handedOver(answer.process());
				if (handedOver.isEmpty()) {
					throw Refusal.conflict("records.archive.refused");
				}
				handedOver.forEach(d -> hashes.addAll(remove(d.caseId(), d.reference(), d.planNumber(), AuditAction.HANDED_OVER, manager, origin)));
				return handedOver.size();
			});
			deleteUnused(hashes);
			return count;
		}
		throw Refusal.of("records.archive.refused");
	}

	/** A case to hand over with the rows of its documents' versions, read before any content. */
	private record Selected(XdomeaOfferList.Offered offered, List<RetentionStore.VersionRow> versions) {
	}

	/** The process of the open offer and its cases, as read in one transaction. */
	private record Selection(UUID process, List<Selected> cases) {
	}

	/**
	 * The hand-over package (0503) of the cases the archive chose, with their primary files. The rows
	 * are read in one transaction, the contents from the content store after it, and the hand-over is
	 * marked and audited in a second transaction once the package is complete.
	 */
	public byte[] handOver(XdomeaOfferList.Parties parties, String manager, String origin) {
		outsideTransactions();
		Selection selection = inTransaction(() -> {
			List<UUID> processes = store.processesAssessedForArchive();
			if (processes.size() != 1) {
				throw new IllegalStateException(processes.isEmpty() ? "nothing assessed for the archive" : "several offers open");
			}
			UUID process = processes.getFirst();
			return new Selection(process, store.assessedForArchive(process).stream()
				.map(offered -> new Selected(offered, store.versions(offered.id()))).toList());
		});
		List<XdomeaHandOver.Transferred> cases = selection.cases().stream()
			.map(selected -> new XdomeaHandOver.Transferred(selected.offered(), documents(selected.versions()))).toList();
		byte[] zip = XdomeaHandOver.zip(selection.process(), parties, cases, java.time.LocalDateTime.now(clock));
		transactions.executeWithoutResult(status -> {
			store.handingOver(selection.process());
			audit.record(manager, AuditAction.HANDED_OVER_SENT, "xdomea 0503 " + selection.process() + " with " + cases.size() + " cases", origin);
		});
		return zip;
	}

	private List<XdomeaHandOver.Doc> documents(List<RetentionStore.VersionRow> versions) {
		java.util.Map<DocumentId, List<RetentionStore.VersionRow>> byDocument = new java.util.LinkedHashMap<>();
		versions.forEach(r -> byDocument.computeIfAbsent(r.document(), k -> new java.util.ArrayList<>()).add(r));
		return byDocument.values().stream().map(list -> new XdomeaHandOver.Doc(list.getFirst().document(), list.getFirst().title(),
				list.stream().map(r -> new XdomeaHandOver.Primary(r.version(), r.number(), r.filename(), r.mediaType(), contents.get(r.sha())))
					.toList()))
			.toList();
	}

	@Transactional
	public void setLegalHold(FileId file, boolean hold, String manager, String origin) {
		store.setLegalHold(file, hold);
		audit.record(manager, hold ? AuditAction.LEGAL_HOLD_SET : AuditAction.LEGAL_HOLD_LIFTED, "file " + file, origin);
	}
}
