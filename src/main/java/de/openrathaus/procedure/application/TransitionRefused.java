// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.application;

/**
 * The application's state does not allow the change asked for (e.g. a case claimed twice, an
 * answer when no question is open); nothing was changed.
 */
public class TransitionRefused extends RuntimeException {

	private final String messageKey;

	TransitionRefused(String messageKey, ApplicationStatus status) {
		super(messageKey + " (application is " + status + ")", null, false, false);
		this.messageKey = messageKey;
	}

	/** Message code explaining the refusal to the person who asked. */
	public String messageKey() {
		return messageKey;
	}
}
