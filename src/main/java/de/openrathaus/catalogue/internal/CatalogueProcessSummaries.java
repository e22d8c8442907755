// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.catalogue.internal;

import java.util.List;

import de.openrathaus.catalogue.CatalogueProcesses;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Every process of the catalogue, briefly (row-level security: this municipality's). */
@Component
class CatalogueProcessSummaries implements CatalogueProcesses {

	private final JdbcClient jdbc;

	CatalogueProcessSummaries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Summary> all() {
		return jdbc.sql("select process_key, department_code, name, personal_data, special_categories, it_system from catalogue.process "
				+ "order by department_code, process_key")
			.query((rs, row) -> new Summary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5),
					rs.getString(6)))
			.list();
	}
}
