// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.paymentsim.internal;

import de.openrathaus.account.WebAccess;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A provider's pages and APIs need no account of ours: open, and only there when the simulator is on. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("openrathaus.paymentsim.enabled")
@EnableConfigurationProperties(SimulatorSettings.class)
class SimulatorWebSecurity {

	@Bean
	WebAccess paymentSimulatorWebAccess() {
		return WebAccess.open("/paymentsim/**", "/api/paymentsim/**");
	}
}
