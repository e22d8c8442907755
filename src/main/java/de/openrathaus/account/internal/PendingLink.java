// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.time.Duration;
import java.time.Instant;

import de.openrathaus.account.AccountId;
import de.openrathaus.account.FederatedIdentity;

/**
 * A federated sign-in waiting for the citizen's answer whether to link it to the local account that
 * started it; kept in the (fresh, not yet signed-in) session only, for a few minutes and a few
 * password attempts, so that the link rests on two authentications that just happened. Sessions live
 * in the database (Spring Session JDBC) like the signed-in user itself, so it is serializable.
 */
record PendingLink(FederatedIdentity identity, AccountId localAccount, String localName, String target, Instant at,
		int failedAttempts) implements java.io.Serializable {

	static final String SESSION_ATTRIBUTE = PendingLink.class.getName();

	/** How long the federated sign-in counts as "just now" for linking. */
	static final Duration FRESH = Duration.ofMinutes(10);

	static final int MAX_ATTEMPTS = 3;

	boolean isFresh(Instant now) {
		return now.isBefore(at.plus(FRESH)) && failedAttempts < MAX_ATTEMPTS;
	}

	PendingLink failed() {
		return new PendingLink(identity, localAccount, localName, target, at, failedAttempts + 1);
	}
}
