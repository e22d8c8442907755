// SPDX-License-Identifier: EUPL-1.2
/**
 * Operations: what it takes to run OpenRathaus on one machine or many — the embedded PostgreSQL
 * of the single-node default, demo mode, health. It must never hold domain logic; modules only
 * see the ordinary infrastructure (a data source, a mail sender) it provides.
 */
@NullMarked
package de.openrathaus.operations;

import org.jspecify.annotations.NullMarked;
