// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure;

import java.time.Instant;

import de.openrathaus.tenancy.TenantId;
import de.openrathaus.tenancy.TenantScoped;

/** The applicant answered a request for information; the case returns to the clerk. */
public record InformationProvided(TenantId tenant, ApplicationId application, String reference, Instant answeredAt)
		implements TenantScoped {
}
