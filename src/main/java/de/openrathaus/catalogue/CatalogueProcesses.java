// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.catalogue;

import java.util.List;

/**
 * The narrow read the protection needs assessment (BSI standard 200-2) needs: every process of the
 * catalogue with what tells its need for protection: whether it processes personal data, special
 * categories of it (Art. 9 GDPR), and the IT system the catalogue names.
 */
public interface CatalogueProcesses {

	/** One process. */
	record Summary(String key, String department, String name, boolean personalData, boolean specialCategories, String itSystem) {
	}

	/** Of the municipality bound to the thread, by department and key. */
	List<Summary> all();
}
