// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment;

/** Whether the current municipality can take payments online, measured, for the EGovG compliance view. */
public interface PaymentReadiness {

	/** A payment provider is configured for the municipality (the simulator only counts where it runs). */
	boolean providerConfigured();

	/** At least one payment went through: settled by the provider. */
	boolean anySettled();
}
