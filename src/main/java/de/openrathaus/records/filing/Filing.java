// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.filing;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import de.openrathaus.records.content.StoredContent;
import de.openrathaus.tenancy.MunicipalClock;

import de.openrathaus.records.audit.AuditAction;
import de.openrathaus.files.PdfRenderer;
import de.openrathaus.procedure.ApplicationSubmitted;
import de.openrathaus.procedure.Applications;
import de.openrathaus.procedure.DecisionDocuments;
import de.openrathaus.procedure.ApplicationWithdrawn;
import de.openrathaus.procedure.DecisionIssued;
import de.openrathaus.procedure.InformationProvided;
import de.openrathaus.procedure.ApplicationId;
import de.openrathaus.records.IncomingDocuments;
import de.openrathaus.records.audit.AuditTrail;
import de.openrathaus.tenancy.Tenants;

import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files the online procedures' applications: a submission becomes a case in the file of its
 * procedure type's file plan entry and year, with the form data as a PDF/A document and every
 * attachment; answers and the decision are added as they come, and the decision closes the case,
 * which starts its retention period. Each listener is idempotent: a repeated event adds nothing.
 */
@Component
class Filing implements IncomingDocuments {

	static final String SYSTEM = "System (Online-Verfahren)";
	static final String UNASSIGNED = "99.99";
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm 'Uhr'").withZone(MunicipalClock.ZONE);

	private final RecordsStore store;
	private final Applications applications;
	private final DecisionDocuments decisions;
	private final PdfRenderer pdf;
	private final AuditTrail audit;
	private final Tenants tenants;
	private final TransactionTemplate transactions;

	Filing(RecordsStore store, Applications applications, DecisionDocuments decisions, PdfRenderer pdf, AuditTrail audit, Tenants tenants,
			TransactionTemplate transactions) {
		this.store = store;
		this.applications = applications;
		this.decisions = decisions;
		this.pdf = pdf;
		this.audit = audit;
		this.tenants = tenants;
		this.transactions = transactions;
	}

	// Each listener runs without a transaction of its own (NOT_SUPPORTED): it first writes the
	// contents to the content store, which may be object storage over the network, and then adds the
	// rows in one short transaction. A content written for a transaction that then fails stays as an
	// orphan object (see StoredContent); the event stays incomplete in the publication registry and
	// its repetition writes the same content-addressed objects again.

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(ApplicationSubmitted event) {
		Applications.ApplicationDetails details = applications.details(event.application()).orElseThrow();
		Submission submission = prepare(details);
		transactions.executeWithoutResult(tx -> {
			caseOf(submission);
			audit.record(SYSTEM, AuditAction.FILED, "case " + details.reference(), "event ApplicationSubmitted");
		});
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(InformationProvided event) {
		Applications.ApplicationDetails details = applications.details(event.application()).orElseThrow();
		Submission submission = prepare(details);
		List<PreparedAttachment> answers = details.answerAttachments().stream().map(a -> prepare(details, a)).toList();
		transactions.executeWithoutResult(tx -> {
			CaseId caseId = caseOf(submission);
			applications.filed(details.id(), answers.stream().map(a -> fileAttachment(caseId, a)).toList());
			audit.record(SYSTEM, AuditAction.ANSWER_FILED, "case " + details.reference(), "event InformationProvided");
		});
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(DecisionIssued event) {
		Submission submission = prepare(applications.details(event.application()).orElseThrow());
		boolean filedAlready = submission.existing().map(caseId -> store.hasDocumentFrom(caseId, DocumentSource.DECISION)).orElse(false);
		Optional<PreparedDocument> decision = filedAlready ? Optional.empty()
				: Optional.of(decisions.decisionOf(event.application()).orElseThrow())
					.map(d -> new PreparedDocument(d.filename(), d.mediaType(), store.storeContent(d.content()), d.text()));
		transactions.executeWithoutResult(tx -> {
			CaseId caseId = caseOf(submission);
			if (decision.isPresent() && !store.hasDocumentFrom(caseId, DocumentSource.DECISION)) {
				if (event.automatic()) {
					// in the same transaction as the decision's document, so a repeated event records it once as well
					audit.record(SYSTEM, AuditAction.DECIDED_AUTOMATICALLY, "case " + event.reference() + " (" + event.outcome() + ")",
							"event DecisionIssued");
				}
				PreparedDocument document = decision.get();
				// the decision's text as rendered: searchable at once, without extracting it from the sealed PDF
				store.addDocument(caseId, "Bescheid", document.filename(), document.mediaType(), document.content(), SYSTEM,
						Map.of("source", DocumentSource.DECISION.stored()), document.text());
				applications.filed(event.application(), List.of(document.content().sha256()));
			}
			if (store.close(caseId)) {
				audit.record(SYSTEM, AuditAction.CLOSED, "case " + event.reference(), "event DecisionIssued");
			}
		});
	}

	/**
	 * A citizen's reply by mail, as the mail it arrived as, once per reply. Called outside any
	 * transaction: the content goes to the content store first, then the rows in one short transaction.
	 */
	@Override
	public void fileReply(ApplicationId application, String reference, UUID reply, String filename, String mediaType, byte[] mail) {
		Submission submission = prepare(applications.details(application).orElseThrow());
		DocumentSource source = DocumentSource.reply(reply);
		if (submission.existing().map(caseId -> store.hasDocumentFrom(caseId, source)).orElse(false)) {
			return;
		}
		StoredContent content = store.storeContent(mail);
		transactions.executeWithoutResult(tx -> {
			CaseId caseId = caseOf(submission);
			if (!store.hasDocumentFrom(caseId, source)) {
				store.addDocument(caseId, "Antwort per E-Mail", filename, mediaType, content, SYSTEM, Map.of("source", source.stored()));
				audit.record(SYSTEM, AuditAction.ANSWER_FILED, "case " + reference, "reply by mail");
			}
		});
	}

	/** A withdrawn application ends its case without a decision, so that its retention period starts. */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(ApplicationWithdrawn event) {
		Submission submission = prepare(applications.details(event.application()).orElseThrow());
		transactions.executeWithoutResult(tx -> {
			if (store.close(caseOf(submission))) {
				audit.record(SYSTEM, AuditAction.CLOSED, "case " + event.reference() + " (withdrawn)", "event ApplicationWithdrawn");
			}
		});
	}

	/** A document whose content is in the content store, ready to be added in the transaction. */
	private record PreparedDocument(String filename, String mediaType, StoredContent content, @Nullable String text) {

		PreparedDocument(String filename, String mediaType, StoredContent content) {
			this(filename, mediaType, content, null);
		}
	}

	/** An attachment of the application, its content in the content store. */
	private record PreparedAttachment(Applications.Attachment attachment, PreparedDocument document) {
	}

	/**
	 * A submission to file: the case that exists already, or the form data and attachments with their
	 * contents written to the content store, so that filing it is database work only.
	 */
	private record Submission(Applications.ApplicationDetails details, Optional<CaseId> existing, @Nullable PreparedDocument form,
			List<PreparedAttachment> attachments) {
	}

	/**
	 * The listeners run on their own threads, so an answer, a decision or a withdrawal right after the
	 * submission can arrive before the submission is filed: each listener therefore prepares the
	 * submission too (nothing, if its case exists), and files it first instead of finding no case.
	 */
	private Submission prepare(Applications.ApplicationDetails details) {
		Optional<CaseId> existing = store.caseBySource(CaseSource.application(details.id()));
		if (existing.isPresent()) {
			// filed in one transaction with its form data and attachments
			return new Submission(details, existing, null, List.of());
		}
		byte[] document = pdf.render("records/pdf/application-data", Map.of("municipality",
				tenants.current().name(), "details", details, "submittedAt",
				TIME.format(details.submittedAt())), Locale.GERMAN);
		PreparedDocument form = new PreparedDocument("Antragsdaten-" + details.reference() + ".pdf", "application/pdf",
				store.storeContent(document));
		return new Submission(details, existing, form, details.attachments().stream().map(a -> prepare(details, a)).toList());
	}

	private PreparedAttachment prepare(Applications.ApplicationDetails details, Applications.Attachment attachment) {
		Applications.AttachmentContent content = applications.attachment(details.id(), attachment.id()).orElseThrow();
		return new PreparedAttachment(attachment, new PreparedDocument(content.filename(), content.mediaType(),
				store.storeContent(content.content())));
	}

	/** The submission's case, filed now (case, form data, attachments) unless it is filed already. */
	private CaseId caseOf(Submission submission) {
		return store.caseBySource(CaseSource.application(submission.details().id())).orElseGet(() -> fileSubmission(submission));
	}

	private CaseId fileSubmission(Submission submission) {
		Applications.ApplicationDetails details = submission.details();
		PreparedDocument form = submission.form();
		if (form == null) {
			// the case was there when the listener prepared, and is gone now: retried from the registry
			throw new IllegalStateException("The case of " + details.reference() + " disappeared while filing");
		}
		RecordsStore.PlanEntry entry = store.plan().stream().filter(p -> p.procedureTypes().contains(details.procedureType())).findFirst()
			.or(() -> store.plan().stream().filter(p -> p.number().equals(UNASSIGNED)).findFirst())
			.orElseThrow(() -> new IllegalStateException("No file plan entry for " + details.procedureType()));
		int year = details.submittedAt().atZone(MunicipalClock.ZONE).getYear();
		FileId file = store.file(entry.id(), entry.number() + "/" + year, entry.title() + " " + year, details.department());
		Map.Entry<CaseId, Boolean> recordCase = store.caseFor(file, details.reference(), details.title() + " " + details.reference(),
				details.department(), CaseSource.application(details.id()));
		CaseId caseId = recordCase.getKey();
		if (!store.hasDocumentFrom(caseId, DocumentSource.FORM)) {
			store.addDocument(caseId, "Antragsdaten", form.filename(), form.mediaType(), form.content(), SYSTEM,
					Map.of("source", DocumentSource.FORM.stored()));
		}
		applications.filed(details.id(), submission.attachments().stream().map(a -> fileAttachment(caseId, a)).toList());
		return caseId;
	}

	/** Files the attachment unless it is filed already; returns its SHA-256 either way. */
	private String fileAttachment(CaseId caseId, PreparedAttachment prepared) {
		DocumentSource source = DocumentSource.attachment(prepared.attachment().id());
		PreparedDocument document = prepared.document();
		if (!store.hasDocumentFrom(caseId, source)) {
			store.addDocument(caseId, prepared.attachment().filename(), document.filename(), document.mediaType(), document.content(), SYSTEM,
					Map.of("source", source.stored(), "field", prepared.attachment().fieldKey()));
		}
		return document.content().sha256();
	}
}
