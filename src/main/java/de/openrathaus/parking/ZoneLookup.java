// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.parking;

import org.jspecify.annotations.Nullable;

/**
 * Where an address lies, and if in no zone, why not.
 *
 * @param zone the zone, present exactly when {@code result} is {@link Result#IN_ZONE}
 */
public record ZoneLookup(Result result, @Nullable ParkingZone zone) {

	public ZoneLookup {
		if ((result == Result.IN_ZONE) != (zone != null)) {
			throw new IllegalArgumentException("a zone exactly when the address is in one");
		}
	}

	public static ZoneLookup in(ParkingZone zone) {
		return new ZoneLookup(Result.IN_ZONE, zone);
	}

	public static ZoneLookup not(Result why) {
		return new ZoneLookup(why, null);
	}

	public boolean found() {
		return zone != null;
	}

	public enum Result {
		IN_ZONE,
		/** The address line has no house number we can read (e.g. "Lindenallee" alone). */
		NO_HOUSE_NUMBER,
		/** No zone has this street (with this postcode). */
		STREET_NOT_IN_ZONE,
		/** Zones have the street, but not this house number. */
		NUMBER_NOT_IN_RANGE
	}
}
