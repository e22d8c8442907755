// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.privacy.register;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The officer's completions and the published versions of the municipality bound to the connection. */
@Component
class RegisterStore {

	record Completion(String processKey, String purpose, String dataSubjects, String recipients, String retention, String measures,
			Instant updatedAt, String updatedBy) {
	}

	record Version(int number, Instant publishedAt, String publishedBy, int entries) {
	}

	private final JdbcClient jdbc;

	RegisterStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<String, Completion> completions() {
		return jdbc.sql("select process_key, purpose, data_subjects, recipients, retention, measures, updated_at, updated_by "
				+ "from privacy.register_completion")
			.query((rs, row) -> new Completion(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8)))
			.list().stream().collect(java.util.stream.Collectors.toMap(Completion::processKey, c -> c));
	}

	void save(Completion completion) {
		jdbc.sql("insert into privacy.register_completion(process_key, purpose, data_subjects, recipients, retention, measures, updated_at, "
				+ "updated_by) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (tenant_id, process_key) do update set purpose = excluded.purpose, "
				+ "data_subjects = excluded.data_subjects, recipients = excluded.recipients, retention = excluded.retention, "
				+ "measures = excluded.measures, updated_at = excluded.updated_at, updated_by = excluded.updated_by")
			.params(completion.processKey(), completion.purpose(), completion.dataSubjects(), completion.recipients(), completion.retention(),
					completion.measures(), Timestamp.from(completion.updatedAt()), completion.updatedBy())
			.update();
	}

	/** Publishes the next version; the unique number makes two officers publishing at once fail rather than share one. */
	int publish(Instant at, String by, int entries, String json) {
		int next = jdbc.sql("select coalesce(max(number), 0) + 1 from privacy.register_version").query(Integer.class).single();
		jdbc.sql("insert into privacy.register_version(id, number, published_at, published_by, entries, content) values (?, ?, ?, ?, ?, ?::jsonb)")
			.params(UUID.randomUUID(), next, Timestamp.from(at), by, entries, json).update();
		return next;
	}

	List<Version> versions() {
		return jdbc.sql("select number, published_at, published_by, entries from privacy.register_version order by number desc")
			.query((rs, row) -> new Version(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getInt(4))).list();
	}

	Optional<String> content(int number) {
		return jdbc.sql("select content::text from privacy.register_version where number = ?").param(number).query(String.class).optional();
	}
}
