// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.identity.web;

import de.openrathaus.account.WebAccess;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The identity module's paths, all open: starting a sign-in needs nobody signed in (a signed-in
 * citizen stepping up is remembered, not required); the identity provider reaches the metadata, the
 * assertion consumer service and single logout without our session.
 */
@Configuration(proxyBeanMethods = false)
class IdentityWebSecurity {

	static final String ASSERTION_CONSUMER_SERVICE = "/saml/acs";

	@Bean
	WebAccess identityWebAccess() {
		return WebAccess.open("/anmelden/bundid", "/anmelden/unternehmenskonto", "/saml/metadata", ASSERTION_CONSUMER_SERVICE, "/saml/slo")
			// BundID posts the response from its own site: it cannot carry our CSRF token, and our SameSite=Lax cookies do not
			// come along with it. The response proves itself instead: the IdP's signature, our request id stored server-side
			// (single use), and the replay check. No session's authority is used there: the path is open.
			.csrfExemptForCrossSitePosts(ASSERTION_CONSUMER_SERVICE);
	}
}
