// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence;

import java.time.Instant;
import java.util.UUID;

import de.openrathaus.procedure.ApplicationId;
import de.openrathaus.tenancy.TenantId;
import de.openrathaus.tenancy.TenantScoped;

/**
 * A citizen's reply by mail reached the city's mailbox at the reply address of an application's
 * case. Correspondence itself files it into the case's e-file.
 *
 * @param reply the reply's id
 */
public record ReplyReceived(TenantId tenant, UUID reply, ApplicationId application, String reference, Instant receivedAt)
		implements TenantScoped {
}
