// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.casework;

import java.time.LocalDate;
import java.util.Map;

import de.openrathaus.parking.ParkingZone;

/**
 * What a resident parking permit says: the zone the holder's address lies in, the vehicle's plate
 * and the validity bought, from the day of the decision for as many years as were paid for (the
 * last day is the day before the anniversary).
 */
record ResidentParkingPermit(ParkingZone zone, String plate, String holder, String street, String postalCodeAndTown, LocalDate validFrom,
		LocalDate validUntil) {

	static LocalDate validUntil(LocalDate from, int years) {
		return from.plusYears(years).minusDays(1);
	}

	static int years(Map<String, String> data) {
		String value = data.getOrDefault("fahrzeug.jahre", "1");
		int years = value.matches("[1-9]") ? Integer.parseInt(value) : 1;
		return years;
	}
}
