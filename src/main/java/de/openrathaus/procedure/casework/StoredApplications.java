// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.casework;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import de.openrathaus.account.AccountId;
import de.openrathaus.procedure.ApplicationId;
import de.openrathaus.procedure.Applications;
import de.openrathaus.procedure.application.AnswerFormatter;
import de.openrathaus.procedure.application.Application;
import de.openrathaus.procedure.application.ApplicationService;
import de.openrathaus.procedure.application.ApplicationStatus;
import de.openrathaus.procedure.application.ApplicationStore;
import de.openrathaus.procedure.application.StoredAttachment;
import de.openrathaus.procedure.definition.ProcedureDefinition;
import de.openrathaus.procedure.workflow.Workflow;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link Applications} for other modules: the case as a whole, the application with its decision.
 * Drafts are not visible.
 */
@Component
class StoredApplications implements Applications {

	private final ApplicationStore store;
	private final DecisionStore decisions;
	private final ApplicationService service;
	private final Workflow workflow;

	StoredApplications(ApplicationStore store, DecisionStore decisions, ApplicationService service, Workflow workflow) {
		this.store = store;
		this.decisions = decisions;
		this.service = service;
		this.workflow = workflow;
	}

	@Override
	@Transactional(readOnly = true)
	public List<ApplicationId> madeBy(AccountId applicant) {
		return store.listFor(applicant).stream().map(Application::id).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ApplicationDetails> details(ApplicationId id) {
		return store.find(id).filter(a -> a.status() != ApplicationStatus.DRAFT).map(this::details);
	}

	private ApplicationDetails details(Application application) {
		ProcedureDefinition definition = service.definitionOf(application);
		List<StoredAttachment> stored = store.attachments(application.id());
		List<Attachment> formFiles = stored.stream().filter(a -> a.exchangeId() == null).map(StoredApplications::attachment).toList();
		List<Attachment> answerFiles = stored.stream().filter(a -> a.exchangeId() != null).map(StoredApplications::attachment).toList();
		return new ApplicationDetails(application.id(), application.reference(), definition.key(), definition.version(),
				definition.title().de(), application.department(), application.submittedAt(),
				AnswerFormatter.sections(definition, application.data(), stored.stream().filter(a -> a.exchangeId() == null).toList(),
						Locale.GERMAN),
				formFiles, answerFiles);
	}

	private static Attachment attachment(StoredAttachment a) {
		return new Attachment(a.id(), a.fieldKey(), a.filename());
	}

	/**
	 * Without a transaction of its own: once the e-file holds the attachment, its content is read
	 * from the e-file's content store, which may be object storage over the network.
	 */
	@Override
	public Optional<AttachmentContent> attachment(ApplicationId id, UUID attachmentId) {
		return store.find(id).filter(a -> a.status() != ApplicationStatus.DRAFT)
			.flatMap(a -> store.attachments(id).stream().filter(s -> s.id().equals(attachmentId)).findFirst())
			.flatMap(meta -> store.attachmentContent(id, attachmentId)
				.map(content -> new AttachmentContent(meta.filename(), meta.mediaType(), content)));
	}

	@Override
	@Transactional
	public void filed(ApplicationId id, Collection<String> sha256) {
		store.releaseFiled(id, sha256);
		decisions.releaseFiled(id, sha256);
	}

	@Override
	@Transactional
	public void dispose(ApplicationId id) {
		decisions.delete(id);
		if (store.dispose(id)) {
			workflow.forget(id);
		}
	}
}
