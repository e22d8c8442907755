// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure;

import java.util.List;

/** The online procedure types this platform offers now (their current versions). */
public interface OnlineServices {

	List<OnlineService> currentServices();

	/**
	 * @param feeCents the administrative fee, 0 when there is none
	 */
	record OnlineService(String key, String title, long feeCents, String trustLevel) {
	}
}
