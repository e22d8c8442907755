// SPDX-License-Identifier: EUPL-1.2
/**
 * Payment requests (Zahlungsaufforderungen) for fees due later than the application, e.g. on the
 * decision: stored once per subject with a due date, paid through the same checkout as any payment,
 * reminded once per stage while unpaid after the due date. Never talks to a provider itself.
 */
@NullMarked
package de.openrathaus.payment.request;

import org.jspecify.annotations.NullMarked;
