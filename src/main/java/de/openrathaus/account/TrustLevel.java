// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account;

/**
 * Vertrauensniveau of an identification, ordered LOW &lt; SUBSTANTIAL &lt; HIGH. LOW is a
 * verified e-mail and password; SUBSTANTIAL e.g. an ELSTER certificate; HIGH the eID function
 * of the German ID card (STORK-QAA levels 1–2, 3 and 4).
 */
public enum TrustLevel {

	LOW, SUBSTANTIAL, HIGH;

	/** Whether an identification at this level suffices for a procedure that requires {@code required}. */
	public boolean satisfies(TrustLevel required) {
		return compareTo(required) >= 0;
	}
}
