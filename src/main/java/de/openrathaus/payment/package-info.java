// SPDX-License-Identifier: EUPL-1.2
/**
 * Electronic payment (§7 EGovG NRW): a fee is paid through the payment provider the municipality
 * configured (XBezahldienste or pmPayment), and the module that asked for it hears
 * {@link de.openrathaus.payment.PaymentSettled} exactly once. Every state change is stored before the
 * next step; no provider is called inside a database transaction, and no notification is believed
 * before the provider's own status confirms it. It must never book a payment twice.
 */
@NullMarked
package de.openrathaus.payment;

import org.jspecify.annotations.NullMarked;
