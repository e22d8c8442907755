// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.catalogue.internal;

import de.openrathaus.account.Authorities;
import de.openrathaus.account.WebAccess;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The catalogue's paths: its pages are the back office's (the board's changes are checked on the handlers), its read API is for staff accounts; its API description is open. */
@Configuration(proxyBeanMethods = false)
class CatalogueWebSecurity {

	@Bean
	WebAccess catalogueWebAccess() {
		return WebAccess.open("/api/v1/catalogue/openapi.yaml")
			.restrict(Authorities.BACKOFFICE, "/backoffice/katalog", "/backoffice/katalog/**", "/backoffice/egovg", "/backoffice/priorisierung",
					"/backoffice/massnahmenplan", "/backoffice/massnahmenplan.xlsx", "/backoffice/massnahmenplan.pdf")
			.restrict(Authorities.CATALOGUE_API, "/api/v1/catalogue/**");
	}
}
