// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.tenancy.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tenancy settings.
 *
 * @param defaultTenant slug of the municipality that answers requests whose host name no tenant
 *     claims; set in single-city deployments, left empty where one instance serves many cities
 *     (unknown hosts then get a 404)
 * @param bootstrap municipalities created at start-up when missing; a seed's {@code public-url} (the
 *     address citizens reach the portal on, for links in mails) is applied to an existing one too
 */
@ConfigurationProperties("openrathaus.tenancy")
record TenancySettings(@Nullable String defaultTenant, @DefaultValue List<TenantSeed> bootstrap) {

	record TenantSeed(String slug, String name, @DefaultValue List<String> hosts, @Nullable String publicUrl) {

		TenantSeed {
			if (publicUrl != null) {
				publicUrl = publicUrl.strip().replaceAll("/+$", "");
				if (publicUrl.isEmpty()) {
					publicUrl = null;
				}
				else if (!publicUrl.matches("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?")) {
					throw new IllegalArgumentException("openrathaus.tenancy.bootstrap[].public-url of '" + slug
							+ "' must be scheme, host and optional port, e.g. https://buergerportal.example.de");
				}
			}
		}
	}
}
