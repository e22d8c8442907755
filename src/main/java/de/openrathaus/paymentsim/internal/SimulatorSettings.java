// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.paymentsim.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The simulator ({@code openrathaus.paymentsim.*}): on with demo mode.
 *
 * @param pmpaymentSecret the HMAC key it shares with the pmPayment adapter (a demo value, never a real one)
 * @param lateNotification how long the "late notification" choice waits before notifying
 */
@ConfigurationProperties("openrathaus.paymentsim")
record SimulatorSettings(@DefaultValue("false") boolean enabled, @DefaultValue("") String pmpaymentSecret,
		@DefaultValue("5s") Duration lateNotification) {
}
