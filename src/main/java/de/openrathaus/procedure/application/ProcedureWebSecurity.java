// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.application;

import de.openrathaus.account.Authorities;
import de.openrathaus.account.WebAccess;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The procedure module's paths: the service directory is open to anyone; applications are the portal's, case work the back office's. */
@Configuration(proxyBeanMethods = false)
class ProcedureWebSecurity {

	@Bean
	WebAccess procedureWebAccess() {
		return WebAccess.open("/", "/leistungen", "/leistungen/**")
			.restrict(Authorities.PORTAL, "/portal/antraege", "/portal/antraege/**", UploadSizeFilter.PAGE)
			.restrict(Authorities.BACKOFFICE, "/backoffice", "/backoffice/faelle/**");
	}
}
