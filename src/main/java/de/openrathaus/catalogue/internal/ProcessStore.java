// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.catalogue.internal;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Storage of process records and their history. Columns follow {@link ProcessField}; every change
 * is written together with a history row naming who changed which fields from what to what.
 */
@Component
class ProcessStore {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String COLUMNS = Arrays.stream(ProcessField.values()).map(f -> f.column).collect(Collectors.joining(", "));

	private final JdbcClient jdbc;

	ProcessStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record HistoryEntry(java.time.Instant at, String actor, String action, Map<String, List<String>> changes, String comment) {
	}

	List<ProcessRecord> all() {
		return jdbc.sql("select id, status, version, updated_at, demo, " + COLUMNS + " from catalogue.process order by process_key")
			.query(ProcessStore::record).list();
	}

	List<ProcessRecord> ofDepartment(String department) {
		return jdbc.sql("select id, status, version, updated_at, demo, " + COLUMNS + " from catalogue.process where department_code = ? order by process_key")
			.param(department).query(ProcessStore::record).list();
	}

	Optional<ProcessRecord> find(ProcessId id) {
		return jdbc.sql("select id, status, version, updated_at, demo, " + COLUMNS + " from catalogue.process where id = ?")
			.param(id.value()).query(ProcessStore::record).optional();
	}

	Optional<ProcessRecord> findByKey(String key) {
		return jdbc.sql("select id, status, version, updated_at, demo, " + COLUMNS + " from catalogue.process where process_key = ?")
			.param(key).query(ProcessStore::record).optional();
	}

	ProcessId insert(Map<ProcessField, Object> values, boolean demo, Actor actor, String action) {
		ProcessId id = ProcessId.random();
		String placeholders = Arrays.stream(ProcessField.values()).map(f -> "?").collect(Collectors.joining(", "));
		List<Object> params = new ArrayList<>(List.of(id.value(), demo));
		Arrays.stream(ProcessField.values()).forEach(f -> params.add(sqlValue(f, values.get(f))));
		jdbc.sql("insert into catalogue.process(id, demo, " + COLUMNS + ") values (?, ?, " + placeholders + ")").params(params).update();
		Map<String, List<String>> changes = new LinkedHashMap<>();
		values.forEach((f, v) -> changes.put(f.name, List.of("", ProcessValues.text(f, v))));
		history(id, actor, action, changes, "");
		return id;
	}

	/** Updates the fields if the record still has the expected version; returns the changed fields. */
	Optional<Map<String, List<String>>> update(ProcessRecord current, Map<ProcessField, Object> values, Actor actor, String action) {
		Map<String, List<String>> changes = new LinkedHashMap<>();
		for (ProcessField field : ProcessField.values()) {
			String before = current.text(field);
			String after = ProcessValues.text(field, values.get(field));
			if (!before.equals(after)) {
				changes.put(field.name, List.of(before, after));
			}
		}
		if (changes.isEmpty()) {
			return Optional.of(changes);
		}
		String assignments = Arrays.stream(ProcessField.values()).map(f -> f.column + " = ?").collect(Collectors.joining(", "));
		List<Object> params = new ArrayList<>();
		Arrays.stream(ProcessField.values()).forEach(f -> params.add(sqlValue(f, values.get(f))));
		params.add(current.id().value());
		params.add(current.version());
		int updated = jdbc.sql("update catalogue.process set " + assignments + ", version = version + 1, updated_at = now(), "
				+ "status = case when status = 'REVIEWED' then 'DRAFT' else status end where id = ? and version = ?")
			.params(params).update();
		if (updated == 0) {
			return Optional.empty();
		}
		history(current.id(), actor, action, changes, "");
		return Optional.of(changes);
	}

	boolean move(ProcessId id, ProcessRecord.Status from, ProcessRecord.Status to, Actor actor, String comment) {
		int moved = jdbc.sql("update catalogue.process set status = ?, version = version + 1, updated_at = now() where id = ? and status = ?")
			.params(to.name(), id.value(), from.name()).update();
		if (moved == 1) {
			history(id, actor, to.name(), Map.of("status", List.of(from.name(), to.name())), comment);
		}
		return moved == 1;
	}

	void comment(ProcessId id, Actor actor, String comment) {
		history(id, actor, "COMMENT", Map.of(), comment);
	}

	private void history(ProcessId process, Actor actor, String action, Map<String, List<String>> changes, String comment) {
		jdbc.sql("insert into catalogue.process_history(process_id, actor_id, actor_name, action, changes, comment) values (?, ?, ?, ?, ?::jsonb, ?)")
			.params(process.value(), actor.id(), actor.name(), action, JSON.writeValueAsString(changes), comment).update();
	}

	@SuppressWarnings("unchecked")
	List<HistoryEntry> history(ProcessId process) {
		return jdbc.sql("select at, actor_name, action, changes::text, comment from catalogue.process_history where process_id = ? order by at desc, id desc")
			.param(process.value())
			.query((rs, row) -> new HistoryEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
					(Map<String, List<String>>) JSON.readValue(rs.getString(4), Map.class), rs.getString(5)))
			.list();
	}

	private static @Nullable Object sqlValue(ProcessField field, @Nullable Object value) {
		if (value == null || value == ProcessValues.NONE) {
			return field.type == ProcessField.Type.DATE ? null : value;
		}
		if (value instanceof LocalDate date) {
			return Date.valueOf(date);
		}
		if (value instanceof List<?> list) {
			return list.stream().map(String::valueOf).toArray(String[]::new);
		}
		return value;
	}

	private static ProcessRecord record(ResultSet rs, int row) throws SQLException {
		Map<ProcessField, Object> values = new EnumMap<>(ProcessField.class);
		for (ProcessField field : ProcessField.values()) {
			Object value = switch (field.type) {
				case BOOLEAN -> rs.getBoolean(field.column);
				case INTEGER, SCALE -> rs.getInt(field.column);
				case DATE -> rs.getDate(field.column) == null ? ProcessValues.NONE : rs.getDate(field.column).toLocalDate();
				case SET -> {
					Array array = rs.getArray(field.column);
					yield array == null ? List.of() : List.of((String[]) array.getArray());
				}
				default -> rs.getString(field.column);
			};
			values.put(field, value);
		}
		return new ProcessRecord(new ProcessId(rs.getObject("id", UUID.class)), values, ProcessRecord.Status.valueOf(rs.getString("status")),
				rs.getInt("version"), rs.getTimestamp("updated_at").toInstant(), rs.getBoolean("demo"));
	}

	/** Who changed something, as the history names them. */
	record Actor(@Nullable UUID id, String name) {
	}
}
