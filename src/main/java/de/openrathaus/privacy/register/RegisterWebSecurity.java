// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.privacy.register;

import de.openrathaus.account.Authorities;
import de.openrathaus.account.WebAccess;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The register is the data protection officer's alone (the privacy notice shows what the public may see of it). */
@Configuration(proxyBeanMethods = false)
class RegisterWebSecurity {

	@Bean
	WebAccess registerWebAccess() {
		return WebAccess.open(new String[0]).restrict(Authorities.PRIVACY_REGISTER, "/datenschutz/verzeichnis", "/datenschutz/verzeichnis.pdf", "/datenschutz/verzeichnis.xlsx",
				"/datenschutz/verzeichnis/**", "/datenschutz/vorfaelle", "/datenschutz/vorfaelle/**");
	}
}
