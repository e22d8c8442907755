// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.filing;

import java.util.Set;

import de.openrathaus.account.DepartmentCode;

/**
 * Who reads or changes the e-file in one request: the name the audit trail keeps, where the request
 * came from, and the departments whose files they may see (those in which they hold the clerk role).
 */
public record Reader(String name, String origin, Set<DepartmentCode> departments) {

	public Reader {
		departments = Set.copyOf(departments);
	}

	public boolean sees(DepartmentCode department) {
		return departments.contains(department);
	}
}
