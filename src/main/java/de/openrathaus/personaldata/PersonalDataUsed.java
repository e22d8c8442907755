// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.personaldata;

import de.openrathaus.tenancy.TenantId;
import de.openrathaus.tenancy.TenantScoped;

/**
 * Someone read, changed, exported or erased personal data; the audit trail records it (issue 16: every
 * read and change of personal data, in every module). Published through {@link PersonalDataUse}.
 *
 * @param actor who: a member of staff by name, a citizen as {@code account <id>}, or the system
 * @param record which data, named so an auditor can find it (a case reference, an account or message id),
 *     never the data itself
 * @param origin where the request came from (the client's address), or the process that acted
 */
public record PersonalDataUsed(TenantId tenant, String actor, Use use, String record, String origin) implements TenantScoped {

	/** What was done with the data. */
	public enum Use {
		READ, CHANGED, EXPORTED, ERASED
	}
}
