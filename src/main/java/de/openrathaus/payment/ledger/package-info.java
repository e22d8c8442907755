// SPDX-License-Identifier: EUPL-1.2
/**
 * The payment ledger: each payment's state, changed only by guarded updates that name the state
 * they leave, with every change and every notification written to the payment's history in the
 * same transaction. The provider is asked between transactions, never inside one; the background
 * poll finishes what a payer who closed the browser left open.
 */
@NullMarked
package de.openrathaus.payment.ledger;

import org.jspecify.annotations.NullMarked;
