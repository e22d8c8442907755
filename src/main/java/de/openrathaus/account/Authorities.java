// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account;

import java.util.Set;

/**
 * The named authorities the use cases ask for with {@code @PreAuthorize("hasAuthority('…')")}, and
 * the one place that says which kind of account and which staff role holds them. An account holds
 * {@code ROLE_<kind>} and {@code ROLE_<staff role>}; the sign-in configuration derives these names
 * from them. Department scoping (a clerk sees only their departments' cases) stays in the services:
 * an authority says which use cases someone may reach, not which records.
 */
public final class Authorities {

	/** The portal of a citizen or business: own applications and mailbox. */
	public static final String PORTAL = "portal:use";
	/** The back office of any staff member (what they see there is scoped by their department roles). */
	public static final String BACKOFFICE = "backoffice:use";
	/** Maintain the file plan, disposal at the end of retention, legal holds (Registratur). */
	public static final String RECORDS_MANAGE = "records:manage";
	/** Reconciliation, refunds and the accounting export of payments (Stadtkasse). */
	public static final String TREASURY = "payment:treasury";
	/** The register of processing activities (Art. 30 GDPR): complete, version and export it (Datenschutzbeauftragte). */
	public static final String PRIVACY_REGISTER = "privacy:register";
	/** Bodies, persons, meetings, agendas, papers and consultations of the council (Ratsbüro). */
	public static final String COUNCIL_OFFICE = "council:office";
	/** The print batches of letters to citizens (Poststelle). */
	public static final String POST_ROOM = "correspondence:post-room";
	/** Protection needs and the ISMS register (Informationssicherheitsbeauftragte). */
	public static final String SECURITY_MANAGE = "security:manage";
	/** The records API for departments' specialist software. */
	public static final String RECORDS_API = "records:api";
	/** Set the prioritisation weights and the measure plan (Verwaltungsvorstand). */
	public static final String CATALOGUE_PRIORITISE = "catalogue:prioritise";
	/** The catalogue's read API. */
	public static final String CATALOGUE_API = "catalogue:api";
	/** Departments, staff accounts, roles, API keys and sign-in throttles. */
	public static final String ACCOUNTS_ADMINISTER = "accounts:administer";
	/** Metrics and the operational endpoints beyond health. */
	public static final String OPERATIONS_MONITOR = "operations:monitor";

	private Authorities() {
	}

	/** Every named authority. */
	public static Set<String> all() {
		return Set.of(PORTAL, BACKOFFICE, RECORDS_MANAGE, TREASURY, PRIVACY_REGISTER, COUNCIL_OFFICE, POST_ROOM, RECORDS_API, CATALOGUE_PRIORITISE, CATALOGUE_API, ACCOUNTS_ADMINISTER,
				OPERATIONS_MONITOR, SECURITY_MANAGE);
	}

	/** What every account of this kind may do. */
	public static Set<String> of(AccountKind kind) {
		return switch (kind) {
			case CITIZEN -> Set.of(PORTAL);
			case STAFF -> Set.of(BACKOFFICE, RECORDS_API, CATALOGUE_API);
		};
	}

	/** What a staff role adds (in any department). */
	public static Set<String> of(StaffRole role) {
		return switch (role) {
			case CLERK, REVIEWER -> Set.of(); // their rights are per department and per record, checked in the services
			case ADMIN -> Set.of(ACCOUNTS_ADMINISTER, OPERATIONS_MONITOR);
			case BOARD -> Set.of(CATALOGUE_PRIORITISE);
			case RECORDS_MANAGER -> Set.of(RECORDS_MANAGE);
			case TREASURY -> Set.of(TREASURY);
			case DATA_PROTECTION_OFFICER -> Set.of(PRIVACY_REGISTER);
			case COUNCIL_OFFICE -> Set.of(COUNCIL_OFFICE);
			case POST_ROOM -> Set.of(POST_ROOM);
			case SECURITY_OFFICER -> Set.of(SECURITY_MANAGE);
		};
	}
}
