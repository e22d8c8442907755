// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.council.sequence;

/**
 * The result of one agenda item that took a paper up: beschlossen, geändert beschlossen, vertagt,
 * verwiesen, abgelehnt. Only a deferral leaves the consultation open for a later meeting.
 */
public enum ConsultationResult {
	DECIDED, AMENDED, DEFERRED, REFERRED, REJECTED;

	/** Whether the consultation is done with this result (everything but a deferral). */
	public boolean concludes() {
		return this != DEFERRED;
	}
}
