// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account;

import de.openrathaus.tenancy.TenantId;
import de.openrathaus.tenancy.TenantScoped;

/**
 * Someone tried to register with an address that already has a confirmed account: correspondence tells
 * the owner (the page the requester sees is the same as for a new address, so it reveals nothing).
 *
 * @param portalLink absolute link to the municipality's portal (sign-in and password reset are below it)
 */
public record RegistrationRepeated(TenantId tenant, AccountId account, String email, String portalLink) implements TenantScoped {

	@Override
	public String toString() {
		return "RegistrationRepeated[" + account + "]";
	}
}
