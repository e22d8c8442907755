// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment;

import java.time.Instant;

import de.openrathaus.tenancy.TenantId;
import de.openrathaus.tenancy.TenantScoped;

/** The payment ended without money: refused by the provider, failed or cancelled by the payer. */
public record PaymentFailed(TenantId tenant, PaymentId payment, String subject, PaymentStatus status, Instant at)
		implements TenantScoped {
}
