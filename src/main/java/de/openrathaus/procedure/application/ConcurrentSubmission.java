// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.application;

/** Another request submitted the same draft a moment earlier; this one is rolled back. */
public class ConcurrentSubmission extends RuntimeException {

	public ConcurrentSubmission() {
		super("submitted concurrently", null, false, false);
	}
}
