// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.catalogue;

import java.util.List;

/** The narrow read the data protection officer's register needs: every catalogue process marked "personal data". */
public interface PersonalDataProcesses {

	/** Of the municipality bound to the thread, by department and key. */
	List<PersonalDataProcess> all();
}
