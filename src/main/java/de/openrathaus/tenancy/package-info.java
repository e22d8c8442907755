// SPDX-License-Identifier: EUPL-1.2
/**
 * Tenancy: which municipality a request, a job or an event belongs to. One deployment serves
 * several cities; every record carries its tenant, and PostgreSQL row-level security keyed by the
 * tenant bound to the database connection keeps them apart. This module binds that tenant in one
 * place (request host, module listener, explicit {@link de.openrathaus.tenancy.TenantContext#callAs});
 * no other module may filter by tenant itself or bypass the binding.
 */
@NullMarked
package de.openrathaus.tenancy;

import org.jspecify.annotations.NullMarked;
