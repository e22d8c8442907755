// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.council.sequence;

/** Where a paper stands: new, in consultation, decided, rejected, or concluded without a decision (advice only). */
public enum PaperStatus {
	NEW, IN_CONSULTATION, DECIDED, REJECTED, CONCLUDED;

	/** Whether the paper still runs through its sequence. */
	public boolean open() {
		return this == NEW || this == IN_CONSULTATION;
	}
}
