// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.tenancy;

import java.util.List;
import java.util.Optional;

/** Read access to the municipalities of this deployment. */
public interface Tenants {

	List<Tenant> all();

	Optional<Tenant> byId(TenantId id);

	Optional<Tenant> byHost(String host);
}
