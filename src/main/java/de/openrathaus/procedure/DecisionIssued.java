// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure;

import java.time.Instant;

import de.openrathaus.account.AccountId;
import de.openrathaus.tenancy.TenantId;
import de.openrathaus.tenancy.TenantScoped;

/**
 * A decision (Bescheid) was issued; its document is available through {@link DecisionDocuments}.
 *
 * @param subject short subject line for the mailbox, e.g. "Bescheid über Ihre Hundeanmeldung"
 */
public record DecisionIssued(TenantId tenant, ApplicationId application, String reference, AccountId applicant,
		DecisionOutcome outcome, String subject, Instant issuedAt) implements TenantScoped {
}
