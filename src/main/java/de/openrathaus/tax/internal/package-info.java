// SPDX-License-Identifier: EUPL-1.2
/** Rates from configuration and the dog tax arithmetic. */
@NullMarked
package de.openrathaus.tax.internal;

import org.jspecify.annotations.NullMarked;
