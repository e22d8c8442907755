// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure;

import java.time.Instant;

import de.openrathaus.tenancy.TenantId;
import de.openrathaus.tenancy.TenantScoped;

/** The applicant withdrew a submitted application before it was decided; its case ends without a decision. */
public record ApplicationWithdrawn(TenantId tenant, ApplicationId application, String reference, Instant withdrawnAt)
		implements TenantScoped {
}
