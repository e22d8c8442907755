// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.tenancy;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A municipality served by this deployment, with the host names its portal answers on.
 *
 * @param publicUrl the configured address citizens reach the portal on (e.g. {@code https://buergerportal.musterstadt.de}),
 *     used for links in mails; null when none is configured
 */
public record Tenant(TenantId id, String slug, String name, List<String> hosts, @Nullable String publicUrl) {

	public Optional<String> configuredPublicUrl() {
		return Optional.ofNullable(publicUrl);
	}
}
