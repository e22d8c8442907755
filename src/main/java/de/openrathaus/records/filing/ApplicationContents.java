// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.filing;

import java.util.Optional;

import de.openrathaus.records.audit.AuditAction;
import de.openrathaus.procedure.ApplicationId;
import de.openrathaus.procedure.FiledContents;
import de.openrathaus.records.audit.AuditTrail;
import de.openrathaus.records.content.ContentStore;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The online procedures read a submitted application's attachments and decision from its case in
 * the e-file, once filed: one copy of each content, under the e-file's retention. Each read is
 * written to the audit trail like any other read of a document.
 */
@Component
class ApplicationContents implements FiledContents {

	private final JdbcClient jdbc;
	private final ContentStore contents;
	private final AuditTrail audit;
	private final TransactionTemplate transactions;

	ApplicationContents(JdbcClient jdbc, ContentStore contents, AuditTrail audit, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.contents = contents;
		this.audit = audit;
		this.transactions = transactions;
	}

	/**
	 * Finds the content in the application's case and audits the read in one transaction; reads the
	 * content from the content store after it (no storage call inside a transaction).
	 */
	@Override
	public Optional<byte[]> content(ApplicationId application, String sha256) {
		boolean granted = Boolean.TRUE.equals(transactions.execute(tx -> grant(application, sha256)));
		return granted ? Optional.of(contents.get(sha256)) : Optional.empty();
	}

	private boolean grant(ApplicationId application, String sha256) {
		record Filed(String caseReference, String document, int version) {
		}
		Optional<Filed> filed = jdbc.sql("""
				select c.reference, d.title, v.version from records.record_case c
				  join records.document d on d.case_id = c.id join records.document_version v on v.document_id = d.id
				 where c.source = ? and v.sha256 = ? order by v.created_at limit 1""")
			.params(CaseSource.application(application).stored(), sha256)
			.query((rs, row) -> new Filed(rs.getString(1), rs.getString(2), rs.getInt(3))).optional();
		filed.ifPresent(f -> audit.record(reader(), AuditAction.READ, "document " + f.document() + " v" + f.version() + " in case "
				+ f.caseReference(), "online procedure"));
		return filed.isPresent();
	}

	private static String reader() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null || !authentication.isAuthenticated() ? Filing.SYSTEM : authentication.getName();
	}
}
