// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment;

import java.time.LocalDate;
import java.util.UUID;

import de.openrathaus.tax.Money;
import de.openrathaus.tenancy.TenantId;
import de.openrathaus.tenancy.TenantScoped;

import org.jspecify.annotations.Nullable;

/**
 * A payment request was made: the payer is to be told what to pay, for what, by when and where.
 *
 * @param payer the paying account's id
 * @param regarding the requesting module's id of the matter, if any
 * @param payPath where the payer pays, a path on the portal
 */
public record PaymentRequested(TenantId tenant, UUID request, String payer, @Nullable UUID regarding, String reference,
		Money amount, String purpose, LocalDate dueOn, String payPath) implements TenantScoped {
}
