// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.catalogue.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The measure plan (Maßnahmenplan): which process goes online in which year, with owner and status; an entry is named by its process's {@link ProcessId}. */
@Component
class PlanStore {

	private final JdbcClient jdbc;

	PlanStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Entry(ProcessId processId, String processKey, String processName, String department, int year, String owner, PlanStatus status,
			String note) {
	}

	List<Entry> all() {
		return jdbc.sql("select e.process_id, p.process_key, p.name, p.department_code, e.year, e.owner, e.status, e.note "
				+ "from catalogue.plan_entry e join catalogue.process p on p.id = e.process_id order by e.year, p.department_code, p.process_key")
			.query((rs, row) -> new Entry(new ProcessId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
					rs.getString(6), PlanStatus.valueOf(rs.getString(7)), rs.getString(8)))
			.list();
	}

	void save(ProcessId process, int year, String owner, PlanStatus status, String note) {
		jdbc.sql("insert into catalogue.plan_entry(process_id, year, owner, status, note) values (?, ?, ?, ?, ?) "
				+ "on conflict (process_id) do update set year = excluded.year, owner = excluded.owner, status = excluded.status, "
				+ "note = excluded.note, updated_at = now()")
			.params(process.value(), year, owner, status.name(), note).update();
	}

	void remove(ProcessId process) {
		jdbc.sql("delete from catalogue.plan_entry where process_id = ?").param(process.value()).update();
	}
}
