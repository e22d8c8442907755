// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.delivery;

import de.openrathaus.account.Authorities;
import de.openrathaus.account.WebAccess;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The choice of channel is the signed-in citizen's. */
@Configuration(proxyBeanMethods = false)
class DeliveryWebSecurity {

	@Bean
	WebAccess deliveryWebAccess() {
		return new WebAccess(java.util.List.of(), java.util.Map.of(ChannelPreferenceController.PAGE, Authorities.PORTAL,
				ChannelPreferenceController.PAGE + "/**", Authorities.PORTAL));
	}
}
