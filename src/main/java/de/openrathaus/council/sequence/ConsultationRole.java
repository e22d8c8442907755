// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.council.sequence;

/** What a body does with a paper: Beratung (advice) or Entscheidung (decision). */
public enum ConsultationRole {
	ADVICE, DECISION
}
