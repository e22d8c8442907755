// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure;

import java.time.Instant;

import de.openrathaus.tenancy.TenantId;
import de.openrathaus.tenancy.TenantScoped;

/** A clerk claimed the case of an application: the citizen sees it as "in Bearbeitung". */
public record CaseWorkStarted(TenantId tenant, ApplicationId application, String reference, Instant startedAt)
		implements TenantScoped {
}
