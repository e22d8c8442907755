// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.demoidp.persons;

/**
 * How a test person "signed in" at the identity provider, and the value of BundID's
 * AssertionProvedBy attribute for it.
 */
public enum Method {

	USERNAME("Benutzername"), ELSTER("Elster"), EID("eID"), ELSTER_ORGANISATION("Elster");

	private final String provedBy;

	Method(String provedBy) {
		this.provedBy = provedBy;
	}

	public String provedBy() {
		return provedBy;
	}
}
