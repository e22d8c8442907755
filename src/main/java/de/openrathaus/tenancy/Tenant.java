// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.tenancy;

import java.util.List;

/** A municipality served by this deployment, with the host names its portal answers on. */
public record Tenant(TenantId id, String slug, String name, List<String> hosts) {
}
