// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment.treasury;

import de.openrathaus.account.Authorities;
import de.openrathaus.account.WebAccess;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The treasury's pages are for the treasury role only; its services check the same authority again. */
@Configuration(proxyBeanMethods = false)
class TreasuryWebSecurity {

	@Bean
	WebAccess treasuryWebAccess() {
		return WebAccess.open(new String[0]).restrict(Authorities.TREASURY, "/kasse", "/kasse/**");
	}
}
