// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure;

import java.time.Instant;

import de.openrathaus.account.AccountId;
import de.openrathaus.tenancy.TenantId;
import de.openrathaus.tenancy.TenantScoped;

/** A clerk asked the applicant for more information; the citizen answers in the portal. */
public record InformationRequested(TenantId tenant, ApplicationId application, String reference, AccountId applicant,
		String question, Instant requestedAt) implements TenantScoped {
}
