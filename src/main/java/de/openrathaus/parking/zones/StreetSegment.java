// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.parking.zones;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A street, or part of it, that belongs to a zone.
 *
 * @param postalCode the street's postcode, if the municipality has the same street name in two postcodes
 * @param from first house number covered, or null for "from the start"
 * @param to last house number covered, or null for "to the end"
 */
record StreetSegment(UUID id, UUID zoneId, String street, String streetKey, @Nullable String postalCode, @Nullable Integer from,
		@Nullable Integer to, Parity parity) {

	boolean covers(StreetAddress address, @Nullable String postal) {
		return streetKey.equals(address.streetKey()) && (postalCode == null || postal == null || postalCode.equals(postal.strip()))
				&& (from == null || address.number() >= from) && (to == null || address.number() <= to)
				&& parity.admits(address.number());
	}

	/** Whether an address could lie in both (then the zone would be ambiguous). */
	boolean overlaps(StreetSegment other) {
		if (!streetKey.equals(other.streetKey) || !parity.sharesNumbersWith(other.parity)
				|| (postalCode != null && other.postalCode != null && !postalCode.equals(other.postalCode))) {
			return false;
		}
		int lo = Math.max(from == null ? 1 : from, other.from == null ? 1 : other.from);
		int hi = Math.min(to == null ? Integer.MAX_VALUE : to, other.to == null ? Integer.MAX_VALUE : other.to);
		if (lo > hi) {
			return false;
		}
		// one side each: they share a number only if the interval holds one of the common side
		Parity side = parity == Parity.ALL ? other.parity : parity;
		return side == Parity.ALL || hi > lo || side.admits(lo);
	}

	/** Every house number of the street. */
	boolean wholeStreet() {
		return from == null && to == null && parity == Parity.ALL;
	}
}
