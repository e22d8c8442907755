// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import de.openrathaus.account.AccountId;
import de.openrathaus.account.DepartmentCode;

/**
 * Query for submitted applications of the current municipality, as clerks and other modules see
 * them. Callers check who may see an application; this interface does not.
 */
public interface Applications {

	Optional<ApplicationDetails> details(ApplicationId id);

	/** Every application the account made, drafts included, for an access request (Art. 15 GDPR). */
	List<ApplicationId> madeBy(AccountId applicant);

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
	 * A submitted application as the e-file files it: what its case is named by and the form data
	 * and files that go into it. Case work inside {@code procedure} reads its own model, not this.
	 *
	 * @param sections the submitted values as labelled, formatted sections, in form order
	 * @param attachments the files of the form
	 * @param answerAttachments the files sent with answers to requests for information
	 */
	record ApplicationDetails(ApplicationId id, String reference, String procedureType, int procedureVersion,
			String title, DepartmentCode department, Instant submittedAt, List<Section> sections, List<Attachment> attachments,
			List<Attachment> answerAttachments) {
	}

	record Section(String title, List<Entry> entries) {
	}

	record Entry(String label, String value) {
	}

	record Attachment(UUID id, String fieldKey, String filename) {
	}

	record AttachmentContent(String filename, String mediaType, byte[] content) {
	}
}
