// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.council.oparl;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the API's objects of the municipality bound to the connection. Lists are ordered by
 * (created, id), which never changes for an object, and paged by keyset after the last object of
 * the page before, so a page costs the same at the end of 100,000 papers as at the start and new
 * objects appear at the end. Embedded objects (a meeting's agenda, a paper's consultations and
 * files, a person's memberships) are read for a whole page in one query per kind.
 */
@Component
class OParlQueries {

	/** A page of objects and whether more follow. */
	record Page(List<Map<String, Object>> data, @Nullable UUID last, boolean more) {
	}

	private final JdbcClient jdbc;
	private final OParlObjects objects;

	OParlQueries(JdbcClient jdbc, OParlObjects objects) {
		this.jdbc = jdbc;
		this.objects = objects;
	}

	@Transactional(readOnly = true)
	public Page list(OParlKind kind, OParlFilter filter, OParlUrls urls) {
		StringBuilder sql = new StringBuilder(select(kind)).append(" where ").append(kind.visible());
		List<Object> params = new ArrayList<>();
		if (!filter.withDeleted()) {
			sql.append(" and not x.deleted");
		}
		condition(sql, params, "x.created >= ?", filter.createdSince());
		condition(sql, params, "x.created <= ?", filter.createdUntil());
		condition(sql, params, "x.modified >= ?", filter.modifiedSince());
		condition(sql, params, "x.modified <= ?", filter.modifiedUntil());
		if (filter.after() != null) {
			sql.append(" and (x.created, x.id) > (select a.created, a.id from ").append(table(kind)).append(" a where a.id = ?)");
			params.add(filter.after());
		}
		sql.append(" order by x.created, x.id limit ?");
		params.add(filter.limit() + 1);
		List<Row> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> new Row(rs.getObject(1, UUID.class), objects.object(kind, rs, urls)))
			.list();
		boolean more = rows.size() > filter.limit();
		List<Row> page = more ? rows.subList(0, filter.limit()) : rows;
		embed(kind, page, urls);
		return new Page(page.stream().map(Row::json).toList(), page.isEmpty() ? null : page.getLast().id(), more);
	}

	/** One object, deleted ones included (answered with deleted: true); empty if there is none or it is not public. */
	@Transactional(readOnly = true)
	public Optional<Map<String, Object>> one(OParlKind kind, UUID id, OParlUrls urls) {
		Optional<Row> row = jdbc.sql(select(kind) + " where " + kind.visible() + " and x.id = ?").param(id)
			.query((rs, n) -> new Row(rs.getObject(1, UUID.class), objects.object(kind, rs, urls))).optional();
		row.ifPresent(found -> embed(kind, List.of(found), urls));
		return row.map(Row::json);
	}

	/** The public file's name, type and content; empty if there is none or its paper is not public. */
	@Transactional(readOnly = true)
	public Optional<Download> download(UUID id) {
		return jdbc.sql("select x.file_name, x.mime_type, x.content from council.paper_file x join council.paper p on p.id = x.paper_id "
				+ "where x.id = ? and p.public and not x.deleted and not p.deleted").param(id)
			.query((rs, n) -> new Download(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
	}

	record Download(String fileName, String mimeType, byte[] content) {
	}

	/** The body's legislative terms (embedded in it) and the first and last change of the council's data, for System and Body. */
	@Transactional(readOnly = true)
	public BodyFacts body(OParlUrls urls) {
		List<Map<String, Object>> terms = jdbc.sql(select(OParlKind.LEGISLATIVE_TERM) + " where not x.deleted order by x.created, x.id")
			.query((rs, n) -> embedded(objects.object(OParlKind.LEGISLATIVE_TERM, rs, urls), "body")).list();
		return jdbc.sql("select min(created), max(modified) from (select created, modified from council.organization "
				+ "union all select created, modified from council.legislative_term) t")
			.query((rs, n) -> new BodyFacts(terms, rs.getTimestamp(1), rs.getTimestamp(2))).single();
	}

	record BodyFacts(List<Map<String, Object>> terms, @Nullable Timestamp created, @Nullable Timestamp modified) {
	}

	private record Row(UUID id, Map<String, Object> json) {
	}

	private void embed(OParlKind kind, List<Row> rows, OParlUrls urls) {
		if (rows.isEmpty()) {
			return;
		}
		UUID[] ids = rows.stream().map(Row::id).toArray(UUID[]::new);
		switch (kind) {
			case MEETING -> attach(rows, "agendaItem", OParlKind.AGENDA_ITEM, "x.meeting_id", ids, "x.position", "meeting", urls);
			case PAPER -> {
				attach(rows, "consultation", OParlKind.CONSULTATION, "x.paper_id", ids, "x.position", "paper", urls);
				attach(rows, "auxiliaryFile", OParlKind.FILE, "x.paper_id", ids, "x.created", "paper", urls);
				Map<UUID, UUID> mainFiles = new LinkedHashMap<>();
				jdbc.sql("select paper_id, id from council.paper_file where paper_id = any(?) and main and not deleted").param(ids)
					.query((rs, n) -> mainFiles.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
				for (Row row : rows) {
					UUID main = mainFiles.get(row.id());
					if (main == null) {
						continue;
					}
					@SuppressWarnings("unchecked")
					List<Map<String, Object>> files = (List<Map<String, Object>>) row.json().get("auxiliaryFile");
					String mainId = OParlKind.FILE.segment() + "/" + main;
					files.stream().filter(file -> String.valueOf(file.get("id")).endsWith(mainId)).findFirst().ifPresent(file -> {
						files.remove(file);
						row.json().put("mainFile", file);
					});
				}
			}
			case PERSON -> {
				rows.forEach(row -> row.json().put("membership", new ArrayList<>()));
				attach(rows, "membership", OParlKind.MEMBERSHIP, "x.person_id", ids, "x.start_date", "person", urls);
			}
			case ORGANIZATION -> {
				Map<UUID, List<Object>> members = new LinkedHashMap<>();
				jdbc.sql("select organization_id, id from council.membership where organization_id = any(?) and not deleted order by created, id")
					.param(ids).query((rs, n) -> members.computeIfAbsent(rs.getObject(1, UUID.class), key -> new ArrayList<>())
						.add(urls.object(OParlKind.MEMBERSHIP, rs.getObject(2, UUID.class))))
					.list();
				rows.forEach(row -> row.json().put("membership", members.getOrDefault(row.id(), List.of())));
			}
			default -> {
			}
		}
	}

	/** Adds the embedded objects of the given kind (visible, not deleted) to each row's array property, without the back-reference. */
	private void attach(List<Row> rows, String property, OParlKind embedded, String parentColumn, UUID[] ids, String order, String backReference,
			OParlUrls urls) {
		Map<UUID, List<Map<String, Object>>> byParent = new LinkedHashMap<>();
		String sql = select(embedded, ", " + parentColumn + " as parent_id") + " where " + embedded.visible()
				+ " and not x.deleted and " + parentColumn + " = any(?) order by " + order + ", x.id";
		jdbc.sql(sql).param(ids)
			.query((rs, n) -> byParent.computeIfAbsent(rs.getObject("parent_id", UUID.class), key -> new ArrayList<>())
				.add(embedded(objects.object(embedded, rs, urls), backReference)))
			.list();
		for (Row row : rows) {
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> list = (List<Map<String, Object>>) row.json().get(property);
			list.addAll(byParent.getOrDefault(row.id(), List.of()));
		}
	}

	private static Map<String, Object> embedded(Map<String, Object> json, String backReference) {
		json.remove(backReference);
		return json;
	}

	private static String select(OParlKind kind) {
		return select(kind, "");
	}

	private static String select(OParlKind kind, String more) {
		return "select x.id, x.created, x.modified, x.deleted, " + OParlObjects.columns(kind) + more + " from " + kind.from();
	}

	private static String table(OParlKind kind) {
		return kind.from().split(" ")[0];
	}

	private static void condition(StringBuilder sql, List<Object> params, String condition, java.time.@Nullable OffsetDateTime value) {
		if (value != null) {
			sql.append(" and ").append(condition);
			params.add(Timestamp.from(value.toInstant()));
		}
	}
}
