// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import de.openrathaus.account.AccountId;
import de.openrathaus.personaldata.Erasure;
import de.openrathaus.personaldata.PersonalData;
import de.openrathaus.personaldata.PersonalDataSource;
import de.openrathaus.procedure.application.Application;
import de.openrathaus.procedure.application.ApplicationStore;
import de.openrathaus.procedure.application.StoredAttachment;

import org.springframework.jdbc.core.simple.JdbcClient;
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
	private final JdbcClient jdbc;

	ApplicationPersonalData(ApplicationStore store, DecisionStore decisions, JdbcClient jdbc) {
		this.store = store;
		this.decisions = decisions;
		this.jdbc = jdbc;
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

	/**
	 * Drafts go, with their answers and files. An application being worked stands in the way (the person
	 * may withdraw it first). Submitted applications that were decided or withdrawn stay with their
	 * answers, files and decision: they belong to the case in the e-file and are kept as long as it.
	 */
	@Override
	@Transactional
	public Erasure erase(UUID account, Mode mode) {
		Erasure.Builder answer = Erasure.of("applications");
		int drafts = 0;
		for (Application application : store.listFor(new AccountId(account))) {
			switch (application.status()) {
				case DRAFT -> drafts++;
				case SUBMITTED, IN_PROGRESS, INFORMATION_REQUESTED -> answer.blocking("application", application.reference(), "inProgress");
				case APPROVED, REJECTED, WITHDRAWN -> {
					String reference = application.reference();
					answer.kept("application", 1, reference, "caseFile", String.valueOf(reference));
					answer.kept("attachment", store.attachments(application.id()).size(), reference, "caseFile", String.valueOf(reference));
					if (decisions.find(application.id()).isPresent()) {
						answer.kept("decision", 1, reference, "caseFile", String.valueOf(reference));
					}
				}
			}
		}
		answer.removed("draft", drafts);
		int forOrganisations = jdbc.sql("select count(*) from procedure.application where applicant_id = ? and organisation_id is not null")
			.param(account).query(Integer.class).single();
		answer.kept("organisationApplication", forOrganisations, null, "organisation");
		if (mode == Mode.CARRY_OUT && drafts > 0) {
			jdbc.sql("delete from procedure.application where applicant_id = ? and organisation_id is null and status = 'DRAFT'").param(account)
				.update();
		}
		return answer.build();
	}
}
