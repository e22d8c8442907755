// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.filing;

/** Through which door a read came, as the audit trail names it: a page or the REST API. */
public enum Channel {

	PAGE(""), API(" via API");

	private final String suffix;

	Channel(String suffix) {
		this.suffix = suffix;
	}

	/** The audit entry's object, told how it was reached ("case 1.2/3 via API"). */
	String describe(String object) {
		return object + suffix;
	}
}
