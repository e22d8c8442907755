// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.search;

import de.openrathaus.records.audit.AuditAction;
import de.openrathaus.records.audit.AuditTrail;
import de.openrathaus.records.filing.Reader;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A clerk searches the e-file of their departments, one page of hits at a time; every search is
 * written to the audit trail in the same transaction.
 */
@Service
public class EFileSearch {

	private final RecordsSearch search;
	private final AuditTrail audit;

	EFileSearch(RecordsSearch search, AuditTrail audit) {
		this.search = search;
		this.audit = audit;
	}

	/** The hits shown and the page they are on (counted from 1). */
	public record Page(RecordsSearch.Result result, int number) {
	}

	/** Page {@code number} of the hits; the first page if that one lies beyond the hits (an old link, new filters). */
	@Transactional
	public Page search(Reader reader, RecordsSearch.Query query, int number, int pageSize) {
		int page = number;
		RecordsSearch.Result result = search.search(query, reader.departments(), (page - 1) * pageSize, pageSize);
		if (result.hits().isEmpty() && page > 1) {
			page = 1;
			result = search.search(query, reader.departments(), 0, pageSize);
		}
		audit.record(reader.name(), AuditAction.SEARCH, "search with " + result.hits().size() + " hits", reader.origin());
		return new Page(result, page);
	}
}
