// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import de.openrathaus.account.AccountId;
import de.openrathaus.account.DepartmentCode;

import org.jspecify.annotations.Nullable;

/**
 * Query for submitted applications of the current municipality, as clerks and other modules see
 * them. Callers check who may see an application; this interface does not.
 */
public interface Applications {

	Optional<ApplicationDetails> details(ApplicationId id);

	Optional<AttachmentContent> attachment(ApplicationId id, UUID attachmentId);

	/**
	 * The e-file now holds these contents of the application (attachments or its decision, named by
	 * SHA-256): the application drops its own copies and reads them through {@link FiledContents}.
	 */
	void filed(ApplicationId id, Collection<String> sha256);

	/**
	 * The e-file disposed of the application's case at the end of its retention period (destroyed or
	 * handed to the archive): the application is removed with its answers, attachments, requests for
	 * information, decision and workflow history. What remains is the e-file's disposal record.
	 */
	void dispose(ApplicationId id);

	/**
	 * A submitted application with everything needed to work it.
	 *
	 * @param data the submitted values by field key (strings, booleans, ISO dates as strings)
	 * @param sections the same values as labelled, formatted sections, in form order, for display
	 * @param workflow BPMN process id named by the procedure type version the application used
	 * @param decisionTemplate Thymeleaf template of the decision, named by that version
	 * @param assessment rule that computes an amount on approval (e.g. {@code dog-tax}), if any
	 */
	record ApplicationDetails(ApplicationId id, String reference, String procedureType, int procedureVersion,
			String title, AccountId applicant, DepartmentCode department, Instant submittedAt, Map<String, Object> data,
			List<Section> sections, List<Attachment> attachments, List<Exchange> exchanges, String workflow,
			String decisionTemplate, @Nullable String assessment) {
	}

	record Section(String title, List<Entry> entries) {
	}

	record Entry(String label, String value) {
	}

	record Attachment(UUID id, String fieldKey, String filename, String mediaType, long size) {
	}

	/** A request for information and the applicant's answer (null while unanswered). */
	record Exchange(String question, Instant requestedAt, @Nullable String answer, @Nullable Instant answeredAt,
			List<Attachment> attachments) {
	}

	record AttachmentContent(String filename, String mediaType, byte[] content) {
	}
}
