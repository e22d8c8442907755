// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account;

/** Who an account belongs to. */
public enum AccountKind {
	/** A citizen or business using the portal (Servicekonto). */
	CITIZEN,
	/** A member of the city's staff using the back office. */
	STAFF
}
