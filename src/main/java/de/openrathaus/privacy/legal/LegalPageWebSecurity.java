// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.privacy.legal;

import de.openrathaus.account.WebAccess;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The legal pages and the feedback form are for anyone (the footer of every page links them); the editor is under /admin. */
@Configuration(proxyBeanMethods = false)
class LegalPageWebSecurity {

	@Bean
	WebAccess legalPagesWebAccess() {
		return WebAccess.open("/impressum", "/datenschutz", "/barrierefreiheit", "/barrierefreiheit/rueckmeldung");
	}
}
