// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure;

import java.time.Instant;

import de.openrathaus.account.AccountId;
import de.openrathaus.tenancy.TenantId;
import de.openrathaus.tenancy.TenantScoped;

import org.jspecify.annotations.Nullable;

/**
 * A decision (Bescheid) was issued; its document is available through {@link DecisionDocuments}.
 *
 * @param subject short subject line for the mailbox, e.g. "Bescheid über Ihre Hundeanmeldung"
 * @param origin scheme, host and port the triggering request came in on (see {@link de.openrathaus.tenancy.RequestOrigin}),
 *     null without a request; mails link there when the municipality has no configured public address
 * @param automatic issued by the system under its procedure type's rule, without a clerk (§ 35a VwVfG NRW)
 */
public record DecisionIssued(TenantId tenant, ApplicationId application, String reference, AccountId applicant,
		DecisionOutcome outcome, String subject, Instant issuedAt, @Nullable String origin, boolean automatic) implements TenantScoped {

	/** A clerk's decision. */
	public DecisionIssued(TenantId tenant, ApplicationId application, String reference, AccountId applicant, DecisionOutcome outcome,
			String subject, Instant issuedAt, @Nullable String origin) {
		this(tenant, application, reference, applicant, outcome, subject, issuedAt, origin, false);
	}
}
