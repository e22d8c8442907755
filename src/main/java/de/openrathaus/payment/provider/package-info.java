// SPDX-License-Identifier: EUPL-1.2
/**
 * The payment providers behind one interface, {@link de.openrathaus.payment.provider.PaymentProvider}:
 * our own clients of XBezahldienste 1.0 and pmPayment, each with connect and read timeouts. They
 * only speak the protocol; whether a state change is believed and stored is the ledger's business.
 * Never called inside a database transaction.
 */
@NullMarked
package de.openrathaus.payment.provider;

import org.jspecify.annotations.NullMarked;
