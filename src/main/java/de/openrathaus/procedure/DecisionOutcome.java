// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure;

/** How an application was decided. */
public enum DecisionOutcome {
	APPROVED, REJECTED
}
