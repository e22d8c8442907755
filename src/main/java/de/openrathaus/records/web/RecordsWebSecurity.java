// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.web;

import de.openrathaus.account.Authorities;
import de.openrathaus.account.WebAccess;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The e-file's paths: file plan and disposal for records managers, the files for the back office, the API for staff accounts; its API description is open. */
@Configuration(proxyBeanMethods = false)
class RecordsWebSecurity {

	@Bean
	WebAccess recordsWebAccess() {
		return WebAccess.open("/api/v1/records/openapi.yaml")
			.restrict(Authorities.RECORDS_MANAGE, "/backoffice/aktenplan", "/backoffice/aktenplan/**", "/backoffice/aussonderung",
					"/backoffice/aussonderung/**")
			.restrict(Authorities.BACKOFFICE, "/backoffice/akten", "/backoffice/akten/**")
			.restrict(Authorities.RECORDS_API, "/api/v1/records/**");
	}
}
