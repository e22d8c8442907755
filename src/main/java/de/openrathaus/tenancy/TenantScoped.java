// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.tenancy;

/**
 * An event that belongs to one municipality. Module listeners receiving it run bound to that
 * tenant, so their database work sees exactly that tenant's rows.
 */
public interface TenantScoped {

	TenantId tenant();
}
