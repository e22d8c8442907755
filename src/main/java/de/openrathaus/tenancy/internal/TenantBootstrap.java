// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.tenancy.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Creates the configured municipalities that do not exist yet and applies their configured public
 * address. Runs before the application
 * reports ready, so demo data and the first request find their tenant.
 */
@Component
class TenantBootstrap implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(TenantBootstrap.class);

	private final JdbcTenants tenants;
	private final TenancySettings settings;

	TenantBootstrap(JdbcTenants tenants, TenancySettings settings) {
		this.tenants = tenants;
		this.settings = settings;
	}

	@Override
	public void afterSingletonsInstantiated() {
		for (TenancySettings.TenantSeed seed : settings.bootstrap()) {
			java.util.Optional<de.openrathaus.tenancy.Tenant> existing = tenants.bySlug(seed.slug());
			if (existing.isEmpty()) {
				tenants.create(seed.slug(), seed.name(), seed.hosts(), seed.publicUrl());
				log.info("Created municipality '{}'", seed.slug());
			}
			else if (seed.publicUrl() != null && !seed.publicUrl().equals(existing.get().publicUrl())) {
				tenants.changePublicUrl(existing.get().id(), seed.publicUrl());
				log.info("Public address of municipality '{}' set to {}", seed.slug(), seed.publicUrl());
			}
		}
	}
}
