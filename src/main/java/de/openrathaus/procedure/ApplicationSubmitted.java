// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure;

import java.time.Instant;

import de.openrathaus.account.AccountId;
import de.openrathaus.account.DepartmentCode;
import de.openrathaus.tenancy.TenantId;
import de.openrathaus.tenancy.TenantScoped;

import org.jspecify.annotations.Nullable;

/**
 * A citizen submitted an application; it is now a case of the responsible department.
 *
 * @param reference the reference number shown to the citizen (e.g. {@code HUND-2026-000123})
 * @param procedureType key of the procedure type, e.g. {@code hund-anmelden}
 * @param origin scheme, host and port the triggering request came in on (see {@link de.openrathaus.tenancy.RequestOrigin}),
 *     null without a request; mails link there when the municipality has no configured public address
 */
public record ApplicationSubmitted(TenantId tenant, ApplicationId application, String reference, String procedureType,
		int procedureVersion, AccountId applicant, DepartmentCode department, Instant submittedAt, @Nullable String origin) implements TenantScoped {
}
