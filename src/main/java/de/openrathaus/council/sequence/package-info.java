// SPDX-License-Identifier: EUPL-1.2
/**
 * The rule of the consultation sequence (Beratungsfolge): which body may take a paper up next, and
 * how a result moves the paper on. Pure rules without storage, unit-tested.
 */
@NullMarked
package de.openrathaus.council.sequence;

import org.jspecify.annotations.NullMarked;
