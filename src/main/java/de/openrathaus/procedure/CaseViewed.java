// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure;

import de.openrathaus.tenancy.TenantId;
import de.openrathaus.tenancy.TenantScoped;

/**
 * A member of staff opened a case in case work: its answers, the applicant's personal data and the documents'
 * list. The e-file's audit trail records the read (issue 16: every read of personal data is audited).
 *
 * @param viewer the staff member's name as the audit trail keeps it
 * @param origin where the request came from (the client's address)
 */
public record CaseViewed(TenantId tenant, ApplicationId application, String reference, String viewer, String origin)
		implements TenantScoped {
}
