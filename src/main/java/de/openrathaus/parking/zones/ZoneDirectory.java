// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.parking.zones;

import java.util.List;
import java.util.Optional;

import de.openrathaus.parking.ParkingZones;
import de.openrathaus.parking.ZoneLookup;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Finds an address's zone among the current municipality's streets. */
@Component
class ZoneDirectory implements ParkingZones {

	private final ZoneStore store;

	ZoneDirectory(ZoneStore store) {
		this.store = store;
	}

	@Override
	@Transactional(readOnly = true)
	public ZoneLookup lookup(String streetAndNumber, @Nullable String postalCode) {
		Optional<StreetAddress> parsed = StreetAddress.parse(streetAndNumber);
		if (parsed.isEmpty()) {
			return ZoneLookup.not(ZoneLookup.Result.NO_HOUSE_NUMBER);
		}
		StreetAddress address = parsed.get();
		List<StreetSegment> segments = store.segmentsOf(address.streetKey()).stream()
			.filter(s -> s.postalCode() == null || postalCode == null || s.postalCode().equals(postalCode.strip())).toList();
		if (segments.isEmpty()) {
			return ZoneLookup.not(ZoneLookup.Result.STREET_NOT_IN_ZONE);
		}
		// segments never overlap (ZoneAdministration refuses it), so at most one covers the address
		return segments.stream().filter(s -> s.covers(address, postalCode)).findFirst()
			.flatMap(s -> store.zone(s.zoneId()))
			.map(zone -> ZoneLookup.in(zone.zone()))
			.orElse(ZoneLookup.not(ZoneLookup.Result.NUMBER_NOT_IN_RANGE));
	}
}
