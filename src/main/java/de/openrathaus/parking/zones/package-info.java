// SPDX-License-Identifier: EUPL-1.2
/**
 * The zones and their streets: storage, the address rule (street name and house number against a
 * street's range and side), the administrators' pages and the demo municipality's zones.
 */
@NullMarked
package de.openrathaus.parking.zones;

import org.jspecify.annotations.NullMarked;
