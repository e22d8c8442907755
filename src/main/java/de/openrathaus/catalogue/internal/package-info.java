// SPDX-License-Identifier: EUPL-1.2
/** Catalogue storage, rules, scoring, chart and pages. */
@NullMarked
package de.openrathaus.catalogue.internal;

import org.jspecify.annotations.NullMarked;
