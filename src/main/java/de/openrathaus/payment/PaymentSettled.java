// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment;

import java.time.Instant;

import de.openrathaus.tax.Money;
import de.openrathaus.tenancy.TenantId;
import de.openrathaus.tenancy.TenantScoped;

/**
 * The provider confirmed the payment. Published once per payment, in the transaction that stored
 * the settlement; {@code subject} is what the payer paid for, as the requesting module named it.
 */
public record PaymentSettled(TenantId tenant, PaymentId payment, String subject, Money amount, Instant settledAt)
		implements TenantScoped {
}
