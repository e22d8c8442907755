// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.tenancy;

import java.util.List;
import java.util.Optional;

/** Read access to the municipalities of this deployment. */
public interface Tenants {

	List<Tenant> all();

	Optional<Tenant> byId(TenantId id);

	Optional<Tenant> byHost(String host);

	/**
	 * The municipality bound to this request, job or event ({@link TenantContext}); the one way
	 * to ask "whose is this", never the signed-in user's account or a parameter.
	 */
	default Tenant current() {
		TenantId id = TenantContext.require();
		return byId(id).orElseThrow(() -> new IllegalStateException("unknown tenant " + id.value()));
	}
}
