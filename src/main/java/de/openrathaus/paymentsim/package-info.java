// SPDX-License-Identifier: EUPL-1.2
/**
 * A payment provider simulator for demo mode and tests: it speaks XBezahldienste 1.0 and
 * pmPayment over HTTP on this same server, so the embedded default pays through the real
 * adapters. Its payment page lets the payer succeed, fail, cancel, or pay with a late or missing
 * notification; an outage switch makes it unreachable. It keeps its transactions in memory and
 * must never be active in production (it books no real money and believes every payer).
 */
@NullMarked
package de.openrathaus.paymentsim;

import org.jspecify.annotations.NullMarked;
