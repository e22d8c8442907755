// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment.ledger;

import de.openrathaus.account.Authorities;
import de.openrathaus.account.WebAccess;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The provider's notifications come without a session and are believed only after a status query;
 * the payer's return and hand-over pages belong to the portal.
 */
@Configuration(proxyBeanMethods = false)
class PaymentWebSecurity {

	static final String NOTIFICATION = "/api/v1/zahlungen/pmpayment/benachrichtigung";

	@Bean
	WebAccess paymentWebAccess() {
		return WebAccess.open(NOTIFICATION).restrict(Authorities.PORTAL, "/zahlung/**");
	}
}
