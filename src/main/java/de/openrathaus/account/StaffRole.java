// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account;

/** Roles staff hold per department. */
public enum StaffRole {
	/** Sachbearbeitung: works the cases of the department and records its processes in the catalogue. */
	CLERK,
	/** Manages departments and staff accounts (granted for the whole municipality). */
	ADMIN,
	/** Organisation department: reviews the process catalogue of all departments. */
	REVIEWER,
	/** Member of the board (Verwaltungsvorstand): sets the prioritisation weights and the measure plan. */
	BOARD,
	/** Records manager (Registratur): maintains the file plan and confirms disposal at the end of retention. */
	RECORDS_MANAGER,
	/** Stadtkasse (treasury): reconciles payments with the providers, approves refunds, exports bookings. */
	TREASURY,
	/** Datenschutzbeauftragte: keeps the register of processing activities (Art. 30 GDPR). */
	DATA_PROTECTION_OFFICER,
	/** Ratsbüro (council office): keeps bodies, persons, meetings, agendas, papers and their consultation sequences. */
	COUNCIL_OFFICE,
	/** Poststelle (post room): prints the daily batch of letters and hands it to the post. */
	POST_ROOM,
	/**
	 * Informationssicherheitsbeauftragte (information security officer): the protection needs of processes and IT
	 * systems (BSI standard 200-2) and the register of IT-Grundschutz modules applied.
	 */
	SECURITY_OFFICER
}
