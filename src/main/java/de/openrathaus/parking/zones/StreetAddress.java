// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.parking.zones;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.openrathaus.files.InputText;

/**
 * An address line split into the street (as a comparison key) and the house number. Citizens and
 * identity providers write the same street in several ways ("Hauptstr. 3", "Hauptstrasse 3",
 * "hauptstraße  3a"); the key makes them one, so that the zone's street list need not know them all.
 *
 * @param streetKey the street name in the form {@link #key} makes
 * @param number the house number without its letter (12 for "12a"; ranges are by number)
 */
record StreetAddress(String streetKey, int number) {

	/** Street, then the number with an optional letter and an optional second number ("12-14", "12/1"). */
	private static final Pattern LINE = Pattern.compile("^(.*?\\S)[\\s,]+(\\d{1,5})\\s*[a-zA-Z]?(?:\\s*[-/]\\s*\\d{1,5}\\s*[a-zA-Z]?)?\\s*$");

	static Optional<StreetAddress> parse(String line) {
		Matcher matcher = LINE.matcher(InputText.nfc(line).strip());
		if (!matcher.matches()) {
			return Optional.empty();
		}
		String key = key(matcher.group(1));
		return key.isEmpty() ? Optional.empty() : Optional.of(new StreetAddress(key, Integer.parseInt(matcher.group(2))));
	}

	/** The comparison key of a street name: lower case, single spaces, "str."/"strasse" written "straße". */
	static String key(String street) {
		String key = InputText.nfc(street).strip().toLowerCase(Locale.GERMAN)
			.replaceAll("\\s+", " ")
			.replaceAll("\\s*-\\s*", "-")
			.replaceAll("strasse\\b", "straße")
			.replaceAll("str\\.", "straße")
			.replaceAll("str\\b", "straße");
		return key.replaceAll("[.,]$", "").strip();
	}
}
