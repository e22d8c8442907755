// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.filing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import de.openrathaus.account.AccountId;
import de.openrathaus.files.Filenames;
import de.openrathaus.personaldata.PersonalData;
import de.openrathaus.personaldata.PersonalDataSource;
import de.openrathaus.procedure.ApplicationId;
import de.openrathaus.procedure.Applications;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The e-file's cases of the account's applications, every document version in them with its content
 * (the submission, uploads, answers, the decision, replies), and the audit entries about those cases.
 */
@Component
class RecordsPersonalData implements PersonalDataSource {

	private final Applications applications;
	private final RecordsStore store;
	private final JdbcClient jdbc;

	RecordsPersonalData(Applications applications, RecordsStore store, JdbcClient jdbc) {
		this.applications = applications;
		this.store = store;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public PersonalData about(UUID account) {
		List<PersonalData.Entry> entries = new ArrayList<>();
		List<PersonalData.File> files = new ArrayList<>();
		for (ApplicationId application : applications.madeBy(new AccountId(account))) {
			store.caseBySource(CaseSource.application(application)).flatMap(store::recordCase).ifPresent(recordCase -> {
				entries.add(PersonalData.Entry.of("case", "reference", recordCase.reference(), "title", recordCase.title(),
						"department", recordCase.department().value(), "status", recordCase.status().name(),
						"createdAt", recordCase.createdAt().toString()));
				for (RecordsStore.Version version : store.versions(recordCase.id())) {
					String path = "akte/" + recordCase.reference() + "/" + version.document().value() + "-v" + version.version() + "-"
							+ Filenames.clean(version.filename());
					entries.add(PersonalData.Entry.of("document", "case", recordCase.reference(), "title", version.documentTitle(),
							"version", version.version(), "filename", version.filename(), "mediaType", version.mediaType(),
							"filedAt", version.createdAt().toString(), "file", path));
					files.add(new PersonalData.File(path, version.mediaType(), store.content(version)));
				}
				entries.addAll(jdbc.sql("""
						select at, action, object from records.audit_entry
						 where object = 'case ' || ? or object like 'case ' || ? || ' %' order by seq""")
					.params(recordCase.reference(), recordCase.reference())
					.query((rs, row) -> PersonalData.Entry.of("auditEntry", "case", recordCase.reference(),
							"at", rs.getTimestamp(1).toInstant().toString(), "action", rs.getString(2), "object", rs.getString(3)))
					.list());
			});
		}
		return new PersonalData("records", entries, files);
	}
}
