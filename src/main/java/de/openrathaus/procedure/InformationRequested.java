// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure;

import java.time.Instant;

import de.openrathaus.account.AccountId;
import de.openrathaus.tenancy.TenantId;
import de.openrathaus.tenancy.TenantScoped;

import org.jspecify.annotations.Nullable;

/**
 * A clerk asked the applicant for more information; the citizen answers in the portal.
 *
 * @param origin scheme, host and port the triggering request came in on (see {@link de.openrathaus.tenancy.RequestOrigin}),
 *     null without a request; mails link there when the municipality has no configured public address
 */
public record InformationRequested(TenantId tenant, ApplicationId application, String reference, AccountId applicant,
		String question, Instant requestedAt, @Nullable String origin) implements TenantScoped {
}
