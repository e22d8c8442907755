// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.demoidp.sso;

import de.openrathaus.account.WebAccess;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The identity provider's pages are for anyone (that is what an identity provider is). The
 * declaration stays when demo mode is off, deliberately: then nothing answers these paths, and
 * they get a plain 404 instead of a sign-in redirect that suggests something is there.
 */
@Configuration(proxyBeanMethods = false)
class DemoIdpWebSecurity {

	@Bean
	WebAccess demoIdpWebAccess() {
		return WebAccess.open("/demo-idp/**");
	}
}
