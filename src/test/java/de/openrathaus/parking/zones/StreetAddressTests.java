// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.parking.zones;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How an address line becomes street and number, and which street ranges cover or overlap it. */
class StreetAddressTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {"Lindenallee 12|lindenallee|12", "Hauptstr. 3|hauptstraße|3", "Hauptstrasse 3a|hauptstraße|3",
			"  hauptstraße   14 - 16 |hauptstraße|14", "Am Mühlenbach 5|am mühlenbach|5", "Straße des 17. Juni 4|straße des 17. juni|4",
			"Karl-Marx-Str 7/1|karl-marx-straße|7", "Bahnhofstraße, 2|bahnhofstraße|2"})
	void theStreetIsOneKeyHoweverItIsWritten(String line, String key, int number) {
		assertThat(StreetAddress.parse(line)).contains(new StreetAddress(key, number));
	}

	@ParameterizedTest
	@ValueSource(strings = {"Lindenallee", "12", "", "   "})
	void aLineWithoutStreetOrNumberIsNoAddress(String line) {
		assertThat(StreetAddress.parse(line)).isEmpty();
	}

	@Test
	void aRangeCoversItsNumbersOnItsSideAndWithItsPostcode() {
		StreetSegment even = segment("Lindenallee", "54321", 2, 40, Parity.EVEN);
		assertThat(even.covers(address("Lindenallee 12"), "54321")).isTrue();
		assertThat(even.covers(address("Lindenallee 12"), null)).isTrue();
		assertThat(even.covers(address("Lindenallee 13"), "54321")).isFalse();
		assertThat(even.covers(address("Lindenallee 42"), "54321")).isFalse();
		assertThat(even.covers(address("Lindenallee 12"), "51147")).isFalse();
		assertThat(even.covers(address("Linden 12"), "54321")).isFalse();
		assertThat(segment("Lindenallee", null, null, null, Parity.ALL).covers(address("Lindenallee 999"), "51147")).isTrue();
	}

	@Test
	void rangesOverlapOnlyIfAnAddressCouldLieInBoth() {
		StreetSegment oddLow = segment("Heidestraße", null, 1, 15, Parity.ODD);
		assertThat(oddLow.overlaps(segment("Heidestr.", null, 2, 30, Parity.EVEN))).isFalse();
		assertThat(oddLow.overlaps(segment("Heidestraße", null, 15, 30, Parity.ALL))).isTrue();
		assertThat(oddLow.overlaps(segment("Heidestraße", null, 16, null, Parity.ALL))).isFalse();
		assertThat(oddLow.overlaps(segment("Heidestraße", null, 14, 14, Parity.ALL))).isFalse();
		assertThat(oddLow.overlaps(segment("Heidestraße", null, null, null, Parity.ODD))).isTrue();
		assertThat(oddLow.overlaps(segment("Heidestraße", "54321", 1, 15, Parity.ODD))).isTrue();
		assertThat(segment("Heidestraße", "54322", 1, 15, Parity.ODD).overlaps(segment("Heidestraße", "54321", 1, 15, Parity.ODD))).isFalse();
		assertThat(oddLow.overlaps(segment("Lindenallee", null, 1, 15, Parity.ODD))).isFalse();
	}

	private static StreetAddress address(String line) {
		return StreetAddress.parse(line).orElseThrow();
	}

	private static StreetSegment segment(String street, String postalCode, Integer from, Integer to, Parity parity) {
		return new StreetSegment(UUID.randomUUID(), UUID.randomUUID(), street, StreetAddress.key(street), postalCode, from, to, parity);
	}
}
