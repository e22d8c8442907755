// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import de.openrathaus.account.AccountId;
import de.openrathaus.personaldata.PersonalData;
import de.openrathaus.personaldata.PersonalDataSource;
import de.openrathaus.procedure.application.Application;
import de.openrathaus.procedure.application.ApplicationStore;
import de.openrathaus.procedure.application.StoredAttachment;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The applications an account made, drafts included, with their answers, the files' names and the
 * decisions; the files themselves are in the e-file, whose part of the answer carries them.
 */
@Component
class ApplicationPersonalData implements PersonalDataSource {

	private final ApplicationStore store;
	private final DecisionStore decisions;

	ApplicationPersonalData(ApplicationStore store, DecisionStore decisions) {
		this.store = store;
		this.decisions = decisions;
	}

	@Override
	@Transactional(readOnly = true)
	public PersonalData about(UUID account) {
		List<PersonalData.Entry> entries = new ArrayList<>();
		for (Application application : store.listFor(new AccountId(account))) {
			entries.add(PersonalData.Entry.of("application", "reference", application.reference(), "procedure", application.typeKey(),
					"status", application.status().name(), "createdAt", application.createdAt().toString(),
					"submittedAt", application.submittedAt() == null ? null : application.submittedAt().toString(),
					"department", application.department().value(), "answers", application.data()));
			for (StoredAttachment attachment : store.attachments(application.id())) {
				entries.add(PersonalData.Entry.of("attachment", "application", application.reference(), "field", attachment.fieldKey(),
						"filename", attachment.filename(), "mediaType", attachment.mediaType(), "size", attachment.size(),
						"uploadedAt", attachment.uploadedAt().toString()));
			}
			decisions.find(application.id()).ifPresent(decision -> entries.add(PersonalData.Entry.of("decision",
					"application", application.reference(), "outcome", decision.outcome().name(), "reason", decision.reason(),
					"amountCents", decision.amountCents(), "issuedAt", decision.issuedAt().toString(), "automatic", decision.automatic(),
					"document", decision.filename())));
		}
		return new PersonalData("applications", entries, List.of());
	}
}
