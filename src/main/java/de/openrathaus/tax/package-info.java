// SPDX-License-Identifier: EUPL-1.2
/**
 * Municipal taxes assessed by decisions, starting with the dog tax (Hundesteuer) by the city's
 * rates. A leaf module: it computes from rates and facts handed to it and depends on no other
 * domain module.
 */
@NullMarked
package de.openrathaus.tax;

import org.jspecify.annotations.NullMarked;
