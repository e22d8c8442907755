// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.filing;

import java.util.Set;
import java.util.TreeSet;

import de.openrathaus.records.EFileOverview;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Counts of the bound municipality's e-file, read with row-level security like every other query. */
@Component
class EFileFigures implements EFileOverview {

	private final JdbcClient jdbc;

	EFileFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Figures figures() {
		long[] plan = jdbc.sql("select count(*), count(*) filter (where retention_years is not null and disposal is not null) "
				+ "from records.plan_entry")
			.query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
		Set<String> types = new TreeSet<>(jdbc.sql("select distinct unnest(procedure_types) from records.plan_entry")
			.query(String.class).list());
		long files = jdbc.sql("select count(*) from records.file").query(Long.class).single();
		long cases = jdbc.sql("select count(*) from records.record_case").query(Long.class).single();
		return new Figures(plan[0], plan[1], types, files, cases);
	}
}
