// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.files;

import java.nio.file.Path;

import de.openrathaus.tenancy.Tenant;
import de.openrathaus.tenancy.Tenants;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The keyrings of encryption at rest, {@code openrathaus.encryption.key-directory} (default
 * {@code data/keys}): one {@code <slug>.keyring} per municipality, created if missing.
 */
@Configuration(proxyBeanMethods = false)
class EncryptionConfiguration {

	@Bean
	Envelope envelope(@Value("${openrathaus.encryption.key-directory:data/keys}") Path directory, Tenants tenants) {
		return new Envelope(new Keyrings(directory, tenant -> tenants.byId(tenant).map(Tenant::slug)
			.orElseThrow(() -> new IllegalStateException("unknown municipality " + tenant.value()))));
	}
}
