// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment;

import java.time.LocalDate;
import java.util.UUID;

import de.openrathaus.tax.Money;
import de.openrathaus.tenancy.TenantId;
import de.openrathaus.tenancy.TenantScoped;

import org.jspecify.annotations.Nullable;

/**
 * A payment request is unpaid after its due date and reached reminder stage {@code stage} (1, 2, …):
 * published once per stage.
 */
public record PaymentReminded(TenantId tenant, UUID request, String payer, @Nullable UUID regarding, String reference,
		Money amount, LocalDate dueOn, int stage, String payPath) implements TenantScoped {
}
