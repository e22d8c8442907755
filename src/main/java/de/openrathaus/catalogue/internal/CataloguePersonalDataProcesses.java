// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.catalogue.internal;

import java.util.Arrays;
import java.util.List;

import de.openrathaus.catalogue.PersonalDataProcess;
import de.openrathaus.catalogue.PersonalDataProcesses;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The processes marked as processing personal data, read from the catalogue (row-level security: this municipality's). */
@Component
class CataloguePersonalDataProcesses implements PersonalDataProcesses {

	private final JdbcClient jdbc;

	CataloguePersonalDataProcesses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public List<PersonalDataProcess> all() {
		return jdbc.sql("select process_key, department_code, name, description, data_processed, personal_data_categories, "
				+ "special_categories, legal_bases, target_groups, it_system, procedure_type_key from catalogue.process "
				+ "where personal_data order by department_code, process_key")
			.query((rs, row) -> new PersonalDataProcess(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getString(6), rs.getBoolean(7), rs.getString(8), Arrays.asList((String[]) rs.getArray(9).getArray()), rs.getString(10),
					rs.getString(11)))
			.list();
	}
}
