// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.paymentsim;

/** Switches of the simulator that a demo or a test flips; only present in demo mode and tests. */
public interface PaymentSimulator {

	/** While on, every protocol call answers 503 Service Unavailable, as a provider that is down. */
	void outage(boolean down);

	/** Payments the simulator has taken, across both protocols, since the start. */
	int paidCount();
}
