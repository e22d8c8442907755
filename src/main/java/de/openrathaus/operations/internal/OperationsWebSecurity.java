// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.operations.internal;

import de.openrathaus.account.Authorities;
import de.openrathaus.account.WebAccess;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What every page needs (style sheet, images, the legal pages of the site) and the health check are open; metrics and the other operational endpoints need monitoring rights. */
@Configuration(proxyBeanMethods = false)
class OperationsWebSecurity {

	@Bean
	WebAccess operationsWebAccess() {
		return WebAccess.open("/css/**", "/images/**", "/favicon.ico", "/barrierefreiheit", "/impressum", "/datenschutz", "/actuator/health",
				"/actuator/health/**", "/actuator/info")
			.restrict(Authorities.OPERATIONS_MONITOR, "/actuator/**", JobsController.JOBS);
	}
}
