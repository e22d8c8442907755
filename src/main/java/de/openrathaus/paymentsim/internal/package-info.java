// SPDX-License-Identifier: EUPL-1.2
/** The simulator's protocol endpoints, its payment page and its in-memory transactions. */
@NullMarked
package de.openrathaus.paymentsim.internal;

import org.jspecify.annotations.NullMarked;
