// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.search;

import de.openrathaus.records.filing.VersionId;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Writes a document version's full-text search entry from its text and its case's metadata, in the caller's transaction. */
public final class SearchEntries {

	private SearchEntries() {
	}

	public static void write(JdbcClient jdbc, VersionId version, String body) {
		jdbc.sql("""
				insert into records.search_entry(version_id, department, extracted_at, plan_number, filed_at, case_status, search)
				select v.id, c.department, now(), p.number, v.created_at, c.status,
				       setweight(to_tsvector('german', coalesce(c.reference, '') || ' ' || coalesce(c.title, '') || ' ' || d.title || ' ' || v.filename), 'A')
				       || setweight(to_tsvector('german', ?), 'B')
				  from records.document_version v join records.document d on d.id = v.document_id join records.record_case c on c.id = d.case_id
				  join records.file f on f.id = c.file_id join records.plan_entry p on p.id = f.plan_entry_id
				 where v.id = ?
				on conflict (version_id) do update set department = excluded.department, extracted_at = excluded.extracted_at,
				       plan_number = excluded.plan_number, filed_at = excluded.filed_at, case_status = excluded.case_status,
				       search = excluded.search""")
			.params(body, version.value()).update();
	}
}
