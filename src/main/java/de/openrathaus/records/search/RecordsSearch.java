// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import de.openrathaus.records.filing.CaseStatus;
import de.openrathaus.account.DepartmentCode;
import de.openrathaus.records.filing.CaseId;
import de.openrathaus.records.filing.VersionId;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Full-text search in German over the metadata and text of the document versions a clerk may see,
 * ranked, with highlighted snippets. The query is read as people type into a search box
 * ({@code websearch_to_tsquery}: words, "quoted phrases", or, -not), so operators and quotes in
 * the input never cause an error.
 */
@Component
public class RecordsSearch {

	private static final String START = "\u0002";
	private static final String STOP = "\u0003";

	private final JdbcClient jdbc;

	RecordsSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A hit: the version, its case and document, and a snippet whose marks are safe HTML. */
	public record Hit(VersionId version, CaseId recordCase, String caseReference, String documentTitle, String planNumber, DepartmentCode department,
			CaseStatus status, double rank, String snippet) {
	}

	public record Query(String text, @Nullable String planNumber, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable CaseStatus status) {
	}

	/**
	 * One page of hits, best first; {@code matches} is how many documents were ranked (at most
	 * {@link #CANDIDATES}, 0 when the page is empty), {@code capped} when more matched than were ranked.
	 */
	public record Result(List<Hit> hits, int matches, boolean capped) {
	}

	/** How many of the newest matches are ranked. */
	public static final int CANDIDATES = 500;

	/**
	 * Snippets are looked for in this many characters of a document's text first: the cost of a
	 * headline grows with the text, and most matches of a long document lie near its start. Only a
	 * document whose matches all lie further on is searched again, up to {@link #SNIPPET_TEXT_LIMIT}.
	 */
	static final int SNIPPET_TEXT_FIRST = 5_000;

	static final int SNIPPET_TEXT_LIMIT = 100_000;

	/** The hits from rank {@code offset + 1} on, at most {@code limit}. */
	@org.springframework.transaction.annotation.Transactional(readOnly = true)
	public Result search(Query query, Collection<DepartmentCode> departments, int offset, int limit) {
		String text = query.text().strip();
		if (text.isEmpty() || departments.isEmpty()) {
			return new Result(List.of(), 0, false);
		}
		// A plan made once for any search words (a generic plan of the prepared statement) cannot know
		// whether they are rare or frequent, and picked the bitmap scan over every match for a frequent
		// word: seconds at a million documents. Each search is planned for its own words.
		jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
		// The newest CANDIDATES matches are ranked, and snippets (the costly part) are built only for the
		// hits shown: a word found in most of a million documents would otherwise rank every one. The
		// candidates come from search_entry alone, which holds every filter (ADR 10); it has no row
		// policy, so the municipality is named here, and the documents are reached only through the
		// protected tables below.
		StringBuilder sql = new StringBuilder("""
				with candidate as materialized (
				select s.version_id, s.search, s.filed_at, q
				  from records.search_entry s, websearch_to_tsquery('german', ?) q
				 where s.search @@ q and s.tenant_id = tenancy.current_tenant() and s.department = any(?)""");
		List<Object> params = new ArrayList<>(List.of(text, departments.stream().map(DepartmentCode::value).toArray(String[]::new)));
		if (query.planNumber() != null && !query.planNumber().isBlank()) {
			sql.append(" and (s.plan_number = ? or s.plan_number like ?)");
			params.add(query.planNumber());
			params.add(query.planNumber() + ".%");
		}
		if (query.from() != null) {
			sql.append(" and s.filed_at >= ?");
			params.add(java.sql.Date.valueOf(query.from()));
		}
		if (query.to() != null) {
			sql.append(" and s.filed_at < ?");
			params.add(java.sql.Date.valueOf(query.to().plusDays(1)));
		}
		if (query.status() != null) {
			sql.append(" and s.case_status = ?");
			params.add(query.status().name());
		}
		sql.append("""
				 order by s.extracted_at desc limit %d),
				hit as materialized (
				select h.version_id, h.filed_at, h.q, ts_rank_cd(h.search, h.q) as rank
				  from candidate h order by rank desc, h.filed_at desc, h.version_id offset ? limit ?)
				select h.version_id, c.id, c.reference, d.title, p.number, c.department, c.status, h.rank,
				       case when strpos(near.snippet, chr(2)) > 0 or length(t.body) <= %2$d then near.snippet
				            else ts_headline('german', left(t.body, %3$d), h.q, %4$s) end,
				       (select count(*) from candidate) as candidates
				  from hit h
				  join records.version_text t on t.version_id = h.version_id
				  join records.document_version v on v.id = h.version_id
				  join records.document d on d.id = v.document_id
				  join records.record_case c on c.id = d.case_id
				  join records.file f on f.id = c.file_id
				  join records.plan_entry p on p.id = f.plan_entry_id
				  cross join lateral (select ts_headline('german', case when t.body = '' then d.title else left(t.body, %2$d) end,
				                                         h.q, %4$s) as snippet) near
				 order by h.rank desc, h.filed_at desc, h.version_id""".formatted(CANDIDATES, SNIPPET_TEXT_FIRST, SNIPPET_TEXT_LIMIT,
				"'StartSel=\u0002, StopSel=\u0003, MaxFragments=2, MaxWords=18, MinWords=6, FragmentDelimiter=\" … \"'"));
		params.add(Math.max(0, offset));
		params.add(limit);
		int[] matches = {0};
		List<Hit> hits = jdbc.sql(sql.toString()).params(params)
			.query((rs, row) -> {
				matches[0] = rs.getInt(10);
				return new Hit(new VersionId(rs.getObject(1, UUID.class)), new CaseId(rs.getObject(2, UUID.class)), rs.getString(3),
						rs.getString(4), rs.getString(5), new DepartmentCode(rs.getString(6)), CaseStatus.valueOf(rs.getString(7)), rs.getDouble(8), highlight(rs.getString(9)));
			})
			.list();
		return new Result(hits, matches[0], matches[0] >= CANDIDATES);
	}

	/** Escapes the snippet for HTML, then turns the search markers into {@code <mark>}. */
	static String highlight(String snippet) {
		return HtmlUtils.htmlEscape(snippet == null ? "" : snippet).replace(START, "<mark>").replace(STOP, "</mark>");
	}
}
