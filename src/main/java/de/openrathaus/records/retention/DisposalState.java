// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.retention;

/**
 * Where a case on the due list ({@code records.disposal.status}) stands: listed and waiting for the
 * records manager or the archive, or done (destroyed or handed over). Stored by name; the table's
 * check constraint names the same two.
 */
public enum DisposalState {

	/** On the due list (ausgesondert, noch nicht erledigt). */
	LISTED,
	/** Destroyed or handed over to the archive; only the minimal record remains. */
	DONE
}
