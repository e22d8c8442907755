// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.demoidp.sso;

import java.time.Clock;

import de.openrathaus.demoidp.keys.SigningKeys;
import de.openrathaus.demoidp.metadata.ServiceProviders;
import de.openrathaus.demoidp.persons.TestPersons;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The demo identity provider's parts, in demo mode only; without it none of them exists. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("openrathaus.demo.enabled")
class DemoIdpConfiguration {

	/**
	 * Made at start, not at the first request: the service provider's configuration names the published
	 * certificates ({@code <key-directory>/<name>.crt}) as the trust anchors of this provider's metadata,
	 * and checks them when the application is ready.
	 */
	@Bean
	SigningKeys demoIdpSigningKeys(DemoIdpSettings settings, Clock clock) {
		SigningKeys keys = new SigningKeys(settings.keyDirectory(), settings.keySize(), clock);
		for (de.openrathaus.demoidp.persons.Provider provider : de.openrathaus.demoidp.persons.Provider.values()) {
			keys.of(provider.path());
		}
		return keys;
	}

	@Bean
	ServiceProviders demoIdpServiceProviders(DemoIdpSettings settings, Clock clock) {
		return new ServiceProviders(settings.serviceProviders(), settings.metadataCacheDuration(), settings.connectTimeout(),
				settings.readTimeout(), clock);
	}

	@Bean
	TestPersons demoIdpTestPersons() {
		return TestPersons.load();
	}
}
