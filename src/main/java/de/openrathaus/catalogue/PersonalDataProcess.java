// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.catalogue;

import java.util.List;

/**
 * A process of the catalogue marked as processing personal data, with what the survey says about it: what the
 * register of processing activities (Art. 30 GDPR) starts from.
 *
 * @param dataProcessed          the data the process works with (free text of the survey)
 * @param categories             categories of personal data
 * @param specialCategories      whether special categories (Art. 9 GDPR) are processed
 * @param targetGroups           who the process serves (citizens, businesses, ...), the usual data subjects
 * @param procedureTypeKey       the online procedure that feeds it, empty when none
 */
public record PersonalDataProcess(String key, String department, String name, String description, String dataProcessed,
		String categories, boolean specialCategories, String legalBases, List<String> targetGroups, String itSystem,
		String procedureTypeKey) {

	public PersonalDataProcess {
		targetGroups = List.copyOf(targetGroups);
	}
}
