// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.parking;

/**
 * A resident parking zone.
 *
 * @param code short code on signs and permits, e.g. {@code A}
 * @param name its name, e.g. "Altstadt"
 */
public record ParkingZone(String code, String name) {

	/** As on the permit and in the form: "Zone A – Altstadt". */
	public String label() {
		return "Zone " + code + " – " + name;
	}
}
