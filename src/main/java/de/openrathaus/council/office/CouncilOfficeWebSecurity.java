// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.council.office;

import de.openrathaus.account.Authorities;
import de.openrathaus.account.WebAccess;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The council's paths: the council office's pages need its authority (checked again on every
 * handler and service), the departments' resolution control the back office's; the public portal pages and the OParl API are open to everybody.
 */
@Configuration(proxyBeanMethods = false)
class CouncilOfficeWebSecurity {

	@Bean
	WebAccess councilWebAccess() {
		return WebAccess.open("/rat", "/rat/**", "/oparl/v1", "/oparl/v1/**")
			.restrict(Authorities.COUNCIL_OFFICE, "/ratsbuero", "/ratsbuero/**")
			.restrict(Authorities.BACKOFFICE, "/backoffice/beschluesse", "/backoffice/beschluesse/**");
	}
}
