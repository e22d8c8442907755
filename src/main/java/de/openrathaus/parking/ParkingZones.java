// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.parking;

import org.jspecify.annotations.Nullable;

/** The resident parking zones of the municipality bound to the current thread. */
public interface ParkingZones {

	/**
	 * The zone the address lies in: its street (and postcode, where the zone names one) is one of a
	 * zone's streets and its house number within that street's range.
	 *
	 * @param streetAndNumber the address line as the applicant gave it, e.g. {@code Lindenallee 12a}
	 * @param postalCode the address's postcode, if known
	 */
	ZoneLookup lookup(String streetAndNumber, @Nullable String postalCode);
}
