// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.application;

import de.openrathaus.web.Refusal;
import org.jspecify.annotations.Nullable;

/**
 * A change of an application's state decided by one of its methods: the state it was decided on,
 * the new state, and the event to publish once the new state is stored. The store writes the new
 * state only if the application is still as {@code before} says (see {@link ApplicationStore#save}).
 *
 * @param event what other modules learn of the change; {@code null} (type {@code Void}) when no
 *     module listens for it, as for a clerk claiming a case
 * @param refusal message key of the refusal when another request changed the application first
 */
public record Transition<E extends @Nullable Object>(Application before, Application after, E event, String refusal) {

	public Transition {
		if (!before.id().equals(after.id()) || !before.status().canMoveTo(after.status())) {
			throw new IllegalArgumentException("No transition from " + before.status() + " to " + after.status());
		}
	}

	/** The refusal to answer when the guarded update found the application changed by someone else. */
	public Refusal lostRace() {
		return Refusal.conflict(refusal);
	}
}
