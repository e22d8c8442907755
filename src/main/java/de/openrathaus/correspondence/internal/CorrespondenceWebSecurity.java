// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.internal;

import de.openrathaus.account.Authorities;
import de.openrathaus.account.WebAccess;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The mailbox is the portal's; the demo mail viewer (demo mode only) is open. */
@Configuration(proxyBeanMethods = false)
class CorrespondenceWebSecurity {

	@Bean
	WebAccess correspondenceWebAccess() {
		return WebAccess.open("/demo/**")
			.restrict(Authorities.PORTAL, "/portal/postfach", "/portal/postfach/**");
	}
}
