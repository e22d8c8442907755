// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.filing;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import de.openrathaus.files.Sha256;
import de.openrathaus.tenancy.MunicipalClock;

import de.openrathaus.records.audit.AuditAction;
import de.openrathaus.files.PdfRenderer;
import de.openrathaus.procedure.ApplicationSubmitted;
import de.openrathaus.procedure.Applications;
import de.openrathaus.procedure.DecisionDocuments;
import de.openrathaus.procedure.ApplicationWithdrawn;
import de.openrathaus.procedure.DecisionIssued;
import de.openrathaus.procedure.InformationProvided;
import de.openrathaus.records.audit.AuditTrail;
import de.openrathaus.tenancy.Tenants;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Files the online procedures' applications: a submission becomes a case in the file of its
 * procedure type's file plan entry and year, with the form data as a PDF/A document and every
 * attachment; answers and the decision are added as they come, and the decision closes the case,
 * which starts its retention period. Each listener is idempotent: a repeated event adds nothing.
 */
@Component
class Filing {

	static final String SYSTEM = "System (Online-Verfahren)";
	static final String UNASSIGNED = "99.99";
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm 'Uhr'").withZone(MunicipalClock.ZONE);

	private final RecordsStore store;
	private final Applications applications;
	private final DecisionDocuments decisions;
	private final PdfRenderer pdf;
	private final AuditTrail audit;
	private final Tenants tenants;

	Filing(RecordsStore store, Applications applications, DecisionDocuments decisions, PdfRenderer pdf, AuditTrail audit, Tenants tenants) {
		this.store = store;
		this.applications = applications;
		this.decisions = decisions;
		this.pdf = pdf;
		this.audit = audit;
		this.tenants = tenants;
	}

	@ApplicationModuleListener
	void on(ApplicationSubmitted event) {
		Applications.ApplicationDetails details = applications.details(event.application()).orElseThrow();
		fileSubmission(details);
		audit.record(SYSTEM, AuditAction.FILED, "case " + details.reference(), "event ApplicationSubmitted");
	}

	@ApplicationModuleListener
	void on(InformationProvided event) {
		Applications.ApplicationDetails details = applications.details(event.application()).orElseThrow();
		CaseId caseId = caseOf(details);
		applications.filed(details.id(), details.answerAttachments().stream().map(a -> fileAttachment(caseId, details, a)).toList());
		audit.record(SYSTEM, AuditAction.ANSWER_FILED, "case " + details.reference(), "event InformationProvided");
	}

	@ApplicationModuleListener
	void on(DecisionIssued event) {
		CaseId caseId = caseOf(applications.details(event.application()).orElseThrow());
		if (!store.hasDocumentFrom(caseId, DocumentSource.DECISION)) {
			if (event.automatic()) {
				// in the same transaction as the decision's document, so a repeated event records it once as well
				audit.record(SYSTEM, AuditAction.DECIDED_AUTOMATICALLY, "case " + event.reference() + " (" + event.outcome() + ")",
						"event DecisionIssued");
			}
			DecisionDocuments.Document decision = decisions.decisionOf(event.application()).orElseThrow();
			store.addDocument(caseId, "Bescheid", decision.filename(), decision.mediaType(), decision.content(), SYSTEM,
					Map.of("source", DocumentSource.DECISION.stored()));
			applications.filed(event.application(), java.util.List.of(Sha256.hex(decision.content())));
		}
		if (store.close(caseId)) {
			audit.record(SYSTEM, AuditAction.CLOSED, "case " + event.reference(), "event DecisionIssued");
		}
	}

	/** A withdrawn application ends its case without a decision, so that its retention period starts. */
	@ApplicationModuleListener
	void on(ApplicationWithdrawn event) {
		CaseId caseId = caseOf(applications.details(event.application()).orElseThrow());
		if (store.close(caseId)) {
			audit.record(SYSTEM, AuditAction.CLOSED, "case " + event.reference() + " (withdrawn)", "event ApplicationWithdrawn");
		}
	}

	/**
	 * The application's case. The listeners run on their own threads, so an answer, a decision or a
	 * withdrawal right after the submission can arrive before the submission is filed: then it is filed
	 * first (filing is idempotent), instead of the later event finding no case and being lost.
	 */
	private CaseId caseOf(Applications.ApplicationDetails details) {
		return store.caseBySource(CaseSource.application(details.id())).orElseGet(() -> fileSubmission(details));
	}

	/** Files the submission (case, form data, attachments) unless it is filed already; returns its case. */
	private CaseId fileSubmission(Applications.ApplicationDetails details) {
		RecordsStore.PlanEntry entry = store.plan().stream().filter(p -> p.procedureTypes().contains(details.procedureType())).findFirst()
			.or(() -> store.plan().stream().filter(p -> p.number().equals(UNASSIGNED)).findFirst())
			.orElseThrow(() -> new IllegalStateException("No file plan entry for " + details.procedureType()));
		int year = details.submittedAt().atZone(MunicipalClock.ZONE).getYear();
		FileId file = store.file(entry.id(), entry.number() + "/" + year, entry.title() + " " + year, details.department());
		Map.Entry<CaseId, Boolean> recordCase = store.caseFor(file, details.reference(), details.title() + " " + details.reference(),
				details.department(), CaseSource.application(details.id()));
		CaseId caseId = recordCase.getKey();
		if (!store.hasDocumentFrom(caseId, DocumentSource.FORM)) {
			byte[] document = pdf.render("records/pdf/application-data", Map.of("municipality",
					tenants.current().name(), "details", details, "submittedAt",
					TIME.format(details.submittedAt())), Locale.GERMAN);
			store.addDocument(caseId, "Antragsdaten", "Antragsdaten-" + details.reference() + ".pdf", "application/pdf", document, SYSTEM,
					Map.of("source", DocumentSource.FORM.stored()));
		}
		java.util.List<String> filed = new java.util.ArrayList<>();
		for (Applications.Attachment attachment : details.attachments()) {
			filed.add(fileAttachment(caseId, details, attachment));
		}
		applications.filed(details.id(), filed);
		return caseId;
	}

	/** Files the attachment unless it is filed already; returns its SHA-256 either way. */
	private String fileAttachment(CaseId caseId, Applications.ApplicationDetails details, Applications.Attachment attachment) {
		DocumentSource source = DocumentSource.attachment(attachment.id());
		Applications.AttachmentContent content = applications.attachment(details.id(), attachment.id()).orElseThrow();
		if (!store.hasDocumentFrom(caseId, source)) {
			store.addDocument(caseId, attachment.filename(), content.filename(), content.mediaType(), content.content(), SYSTEM,
					Map.of("source", source.stored(), "field", attachment.fieldKey()));
		}
		return Sha256.hex(content.content());
	}
}
