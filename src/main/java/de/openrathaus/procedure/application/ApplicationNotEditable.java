// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.application;

/** The application is no longer in a state that allows this change (e.g. already submitted). */
public class ApplicationNotEditable extends RuntimeException {

	public ApplicationNotEditable() {
		super("application not editable", null, false, false);
	}
}
