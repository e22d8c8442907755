// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records;

import java.util.Set;

/** What the e-file of the bound municipality holds, for reports such as the EGovG NRW view. */
public interface EFileOverview {

	Figures figures();

	/**
	 * @param planEntries entries of the file plan
	 * @param planEntriesWithRetention entries with a retention period and a disposal decision
	 * @param procedureTypesFiled procedure types a file plan entry takes (their submissions are filed there)
	 * @param files files (Akten)
	 * @param cases cases (Vorgänge), open and closed
	 */
	record Figures(long planEntries, long planEntriesWithRetention, Set<String> procedureTypesFiled, long files, long cases) {
	}
}
