// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.retention;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import de.openrathaus.procedure.ApplicationId;
import de.openrathaus.procedure.Applications;
import de.openrathaus.records.audit.AuditTrail;
import de.openrathaus.records.content.ContentStore;
import de.openrathaus.tenancy.Tenant;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.Tenants;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
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

	public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
	private static final Logger log = LoggerFactory.getLogger(Retention.class);

	private final JdbcClient jdbc;
	private final ContentStore contents;
	private final AuditTrail audit;
	private final Tenants tenants;
	private final TransactionTemplate transactions;
	private final Applications applications;

	Retention(JdbcClient jdbc, ContentStore contents, AuditTrail audit, Tenants tenants, TransactionTemplate transactions,
			Applications applications) {
		this.applications = applications;
		this.jdbc = jdbc;
		this.contents = contents;
		this.audit = audit;
		this.tenants = tenants;
		this.transactions = transactions;
	}

	record Due(UUID caseId, String reference, String planNumber, String planTitle, LocalDate dueOn, String action, String status,
			boolean legalHold) {
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

	@Scheduled(cron = "${openrathaus.records.retention-cron:0 30 2 * * *}", zone = "Europe/Berlin")
	void daily() {
		for (Tenant tenant : tenants.all()) {
			int listed = TenantContext.callAs(tenant.id(), () -> transactions.execute(s -> list(LocalDate.now(BERLIN))));
			if (listed > 0) {
				log.info("Retention for '{}': {} cases newly due", tenant.slug(), listed);
			}
		}
	}

	/** Lists closed cases whose retention has ended by this day and whose file is not on hold. */
	@Transactional
	public int list(LocalDate day) {
		return jdbc.sql("""
				insert into records.disposal(case_id, due_on, action)
				select c.id, make_date(extract(year from c.closed_at at time zone 'Europe/Berlin')::int + 1 + p.retention_years, 1, 1), p.disposal
				  from records.record_case c join records.file f on f.id = c.file_id join records.plan_entry p on p.id = f.plan_entry_id
				 where c.status = 'CLOSED' and not f.legal_hold and p.retention_years is not null and p.disposal is not null
				   and make_date(extract(year from c.closed_at at time zone 'Europe/Berlin')::int + 1 + p.retention_years, 1, 1) <= ?
				on conflict (case_id) do nothing""").param(java.sql.Date.valueOf(day)).update();
	}

	public List<Due> due() {
		return jdbc.sql("""
				select d.case_id, c.reference, p.number, p.title, d.due_on, d.action, d.status, f.legal_hold
				  from records.disposal d join records.record_case c on c.id = d.case_id join records.file f on f.id = c.file_id
				  join records.plan_entry p on p.id = f.plan_entry_id
				 where d.status = 'LISTED' order by d.due_on, c.reference""")
			.query((rs, row) -> new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getDate(5).toLocalDate(), rs.getString(6), rs.getString(7), rs.getBoolean(8)))
			.list();
	}

	/** Destroys a listed case: refuses when it is not listed for destruction or its file is on hold. */
	@Transactional
	public void destroy(UUID caseId, String manager, String origin) {
		Due due = due().stream().filter(d -> d.caseId().equals(caseId)).findFirst()
			.orElseThrow(() -> new IllegalStateException("not listed"));
		if (due.legalHold() || !"DESTROY".equals(due.action())) {
			throw new IllegalStateException("not to be destroyed");
		}
		remove(caseId, due.reference(), due.planNumber(), "DESTROYED", manager, origin);
	}

	/** Removes a case's documents, texts and contents, keeping only a record of what it was and what happened. */
	private void remove(UUID caseId, String reference, String planNumber, String outcome, String manager, String origin) {
		List<String> hashes = jdbc.sql("select distinct v.sha256 from records.document_version v join records.document d on d.id = v.document_id "
				+ "where d.case_id = ?").param(caseId).query(String.class).list();
		int documents = jdbc.sql("select count(*) from records.document where case_id = ?").param(caseId).query(Integer.class).single();
		int versions = jdbc.sql("select count(*) from records.document_version v join records.document d on d.id = v.document_id where d.case_id = ?")
			.param(caseId).query(Integer.class).single();
		jdbc.sql("insert into records.destruction_record(case_id, case_reference, plan_number, closed_at, documents, versions, destroyed_by, outcome) "
				+ "select c.id, c.reference, ?, c.closed_at, ?, ?, ?, ? from records.record_case c where c.id = ?")
			.params(planNumber, documents, versions, manager, outcome, caseId).update();
		jdbc.sql("select set_config('openrathaus.destruction', 'on', true)").query(Object.class).list();
		jdbc.sql("delete from records.version_text t using records.document_version v, records.document d "
				+ "where t.version_id = v.id and v.document_id = d.id and d.case_id = ?").param(caseId).update();
		jdbc.sql("delete from records.document_version v using records.document d where v.document_id = d.id and d.case_id = ?")
			.param(caseId).update();
		jdbc.sql("delete from records.document where case_id = ?").param(caseId).update();
		jdbc.sql("select set_config('openrathaus.destruction', 'off', true)").query(Object.class).list();
		// the online procedure's application of this case goes with it: answers, attachments, decision
		jdbc.sql("select source from records.record_case where id = ? and source like 'application:%'").param(caseId)
			.query(String.class).optional()
			.ifPresent(source -> applications.dispose(new ApplicationId(UUID.fromString(source.substring("application:".length())))));
		jdbc.sql("update records.record_case set title = ?, source = null where id = ?")
			.params("DESTROYED".equals(outcome) ? "[vernichtet]" : "[an das Archiv abgegeben]", caseId).update();
		jdbc.sql("update records.disposal set status = 'DONE', done_at = now(), done_by = ? where case_id = ?").params(manager, caseId).update();
		audit.record(manager, outcome, "case " + reference + " (" + documents + " documents)", origin);
		var tenant = TenantContext.require();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				TenantContext.runAs(tenant, () -> hashes.stream().filter(h -> !stillUsed(h)).forEach(contents::delete));
			}
		});
	}

	private boolean stillUsed(String sha) {
		return jdbc.sql("select count(*) from records.document_version where sha256 = ?").param(sha).query(Integer.class).single() > 0;
	}

	/**
	 * The xdomea offer list (0501) of every listed case whose plan entry says "offer to the archive",
	 * as the ZIP package to hand to the archive; the cases stay listed until the archive's assessment.
	 */
	@Transactional
	public byte[] offerList(XdomeaOfferList.Parties parties, String manager, String origin) {
		List<XdomeaOfferList.Offered> offered = jdbc.sql("""
				select c.id, c.reference, c.title, c.created_at, c.closed_at from records.disposal d
				  join records.record_case c on c.id = d.case_id join records.file f on f.id = c.file_id
				 where d.status = 'LISTED' and d.action = 'ARCHIVE' and not f.legal_hold order by c.reference""")
			.query((rs, row) -> new XdomeaOfferList.Offered(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant().atZone(BERLIN).toLocalDate(),
					rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant().atZone(BERLIN).toLocalDate()))
			.list();
		if (offered.isEmpty()) {
			throw new IllegalStateException("nothing to offer");
		}
		UUID process = UUID.randomUUID();
		byte[] xml = XdomeaOfferList.xml(process, parties, offered, java.time.LocalDateTime.now(BERLIN));
		jdbc.sql("update records.disposal set process_id = ? where case_id = any(?)")
			.params(process, offered.stream().map(XdomeaOfferList.Offered::id).toArray(UUID[]::new)).update();
		audit.record(manager, "OFFERED", "xdomea 0501 " + process + " with " + offered.size() + " cases", origin);
		return XdomeaOfferList.zip(process, xml);
	}

	/**
	 * Reads the archive's answer. 0502 (assessment): "A" marks a case for hand-over, "V" releases it
	 * for destruction; an id the offer did not contain refuses the whole answer. 0504
	 * (acknowledgement): the cases handed over in that process leave the e-file, a record stays.
	 *
	 * @return how many cases the answer concerned
	 */
	@Transactional
	public int applyArchiveAnswer(byte[] message, String manager, String origin) {
		XdomeaMessages.Answer answer = XdomeaMessages.read(message);
		if (answer.type().endsWith(".0502")) {
			List<UUID> known = jdbc.sql("select case_id from records.disposal where process_id = ? and status = 'LISTED'")
				.param(answer.process()).query(UUID.class).list();
			List<UUID> unknown = answer.assessments().keySet().stream().filter(id -> !known.contains(id)).toList();
			if (answer.assessments().isEmpty() || !unknown.isEmpty()
					|| answer.assessments().values().stream().anyMatch(code -> !code.equals("A") && !code.equals("V"))) {
				throw new IllegalArgumentException("unknown objects or codes: " + unknown);
			}
			answer.assessments().forEach((id, code) -> jdbc.sql("update records.disposal set assessment = ?, "
					+ "action = case when ? = 'V' then 'DESTROY' else action end where case_id = ?").params(code, code, id).update());
			audit.record(manager, "ASSESSED", "xdomea 0502 " + answer.process() + " for " + answer.assessments().size() + " cases", origin);
			return answer.assessments().size();
		}
		if (answer.type().endsWith(".0504")) {
			List<Due> handedOver = jdbc.sql("""
					select d.case_id, c.reference, p.number, p.title, d.due_on, d.action, d.status, f.legal_hold
					  from records.disposal d join records.record_case c on c.id = d.case_id join records.file f on f.id = c.file_id
					  join records.plan_entry p on p.id = f.plan_entry_id
					 where d.process_id = ? and d.assessment = 'A' and d.handover_at is not null and d.status = 'LISTED'""")
				.param(answer.process())
				.query((rs, row) -> new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getDate(5).toLocalDate(), rs.getString(6), rs.getString(7), rs.getBoolean(8)))
				.list();
			if (handedOver.isEmpty()) {
				throw new IllegalArgumentException("no hand-over waits for this acknowledgement");
			}
			handedOver.forEach(d -> remove(d.caseId(), d.reference(), d.planNumber(), "HANDED_OVER", manager, origin));
			return handedOver.size();
		}
		throw new IllegalArgumentException("not an answer this step expects: " + answer.type());
	}

	/** The hand-over package (0503) of the cases the archive chose, with their primary files. */
	@Transactional
	public byte[] handOver(XdomeaOfferList.Parties parties, String manager, String origin) {
		List<UUID> processes = jdbc.sql("select distinct process_id from records.disposal where assessment = 'A' and status = 'LISTED'")
			.query(UUID.class).list();
		if (processes.size() != 1) {
			throw new IllegalStateException(processes.isEmpty() ? "nothing assessed for the archive" : "several offers open");
		}
		UUID process = processes.getFirst();
		List<XdomeaHandOver.Transferred> cases = jdbc.sql("""
				select c.id, c.reference, c.title, c.created_at, c.closed_at from records.disposal d join records.record_case c on c.id = d.case_id
				 where d.process_id = ? and d.assessment = 'A' and d.status = 'LISTED' order by c.reference""")
			.param(process)
			.query((rs, row) -> new XdomeaOfferList.Offered(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant().atZone(BERLIN).toLocalDate(),
					rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant().atZone(BERLIN).toLocalDate()))
			.list().stream().map(offered -> new XdomeaHandOver.Transferred(offered, documents(offered.id()))).toList();
		jdbc.sql("update records.disposal set handover_at = now() where process_id = ? and assessment = 'A'").param(process).update();
		audit.record(manager, "HANDED_OVER_SENT", "xdomea 0503 " + process + " with " + cases.size() + " cases", origin);
		return XdomeaHandOver.zip(process, parties, cases, java.time.LocalDateTime.now(BERLIN));
	}

	private List<XdomeaHandOver.Doc> documents(UUID caseId) {
		record Row(UUID document, String title, UUID version, int number, String filename, String mediaType, String sha) {
		}
		List<Row> rows = jdbc.sql("select d.id, d.title, v.id, v.version, v.filename, v.media_type, v.sha256 from records.document d "
				+ "join records.document_version v on v.document_id = d.id where d.case_id = ? order by d.created_at, d.id, v.version")
			.param(caseId)
			.query((rs, row) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), rs.getInt(4), rs.getString(5),
					rs.getString(6), rs.getString(7)))
			.list();
		java.util.Map<UUID, List<Row>> byDocument = new java.util.LinkedHashMap<>();
		rows.forEach(r -> byDocument.computeIfAbsent(r.document(), k -> new java.util.ArrayList<>()).add(r));
		return byDocument.values().stream().map(list -> new XdomeaHandOver.Doc(list.getFirst().document(), list.getFirst().title(),
				list.stream().map(r -> new XdomeaHandOver.Primary(r.version(), r.number(), r.filename(), r.mediaType(), contents.get(r.sha())))
					.toList()))
			.toList();
	}

	@Transactional
	public void setLegalHold(UUID file, boolean hold, String manager, String origin) {
		jdbc.sql("update records.file set legal_hold = ? where id = ?").params(hold, file).update();
		if (hold) {
			jdbc.sql("delete from records.disposal d using records.record_case c where d.case_id = c.id and c.file_id = ? and d.status = 'LISTED'")
				.param(file).update();
		}
		audit.record(manager, hold ? "LEGAL_HOLD_SET" : "LEGAL_HOLD_LIFTED", "file " + file, origin);
	}
}
