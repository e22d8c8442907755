// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account;

/** Roles staff hold per department. */
public enum StaffRole {
	/** Sachbearbeitung: works the cases of the department. */
	CLERK,
	/** Manages departments and staff accounts (granted for the whole municipality). */
	ADMIN
}
