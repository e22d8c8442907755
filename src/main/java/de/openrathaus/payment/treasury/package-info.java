// SPDX-License-Identifier: EUPL-1.2
/**
 * The treasury (Stadtkasse): the daily reconciliation of our ledger with what each provider reports,
 * refunds under the four-eyes principle, and the booking export for the city's accounting software.
 * Providers are asked outside any database transaction, each call with its timeouts; a refund never
 * exceeds what was paid, and whoever requested it can never approve it.
 */
@NullMarked
package de.openrathaus.payment.treasury;

import org.jspecify.annotations.NullMarked;
