// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.seal.verification;

import de.openrathaus.account.WebAccess;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The check is public: anyone holding a decision may check it, without an account. */
@Configuration(proxyBeanMethods = false)
class VerificationWebSecurity {

	@Bean
	WebAccess sealWebAccess() {
		return WebAccess.open(VerificationController.PAGE, VerificationController.PAGE + "/**", VerificationApi.PATH);
	}
}
