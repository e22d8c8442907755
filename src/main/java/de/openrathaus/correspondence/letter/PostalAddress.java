// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.letter;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import de.openrathaus.files.InputText;

import org.jspecify.annotations.Nullable;

/**
 * A postal address as the window of an envelope shows it (DIN 5008: at most six lines in the
 * address zone). Germany is the default country and is not printed; elsewhere the country is the
 * last line, in capitals, as the post asks.
 */
record PostalAddress(String name, @Nullable String addition, String street, String postalCode, String city, @Nullable String country) {

	static final int MAX = 60;
	private static final Pattern GERMAN_POSTAL_CODE = Pattern.compile("\\d{5}");

	/** The address from what a person typed, or the reasons (message codes) it cannot be used. */
	static Result parse(@Nullable String name, @Nullable String addition, @Nullable String street, @Nullable String postalCode,
			@Nullable String city, @Nullable String country) {
		String n = clean(name);
		String a = clean(addition);
		String s = clean(street);
		String p = clean(postalCode);
		String c = clean(city);
		String k = clean(country);
		List<String> errors = new ArrayList<>();
		required(n, "name", errors);
		required(s, "street", errors);
		required(p, "postalCode", errors);
		required(c, "city", errors);
		for (String value : new String[] {n, a, s, p, c, k}) {
			if (value != null && value.length() > MAX) {
				errors.add("letter.address.tooLong");
				break;
			}
		}
		boolean germany = k == null || k.equalsIgnoreCase("Deutschland") || k.equalsIgnoreCase("Germany") || k.equalsIgnoreCase("DE");
		if (p != null && germany && !GERMAN_POSTAL_CODE.matcher(p).matches()) {
			errors.add("letter.address.postalCode.invalid");
		}
		if (!errors.isEmpty()) {
			return new Result(null, errors);
		}
		return new Result(new PostalAddress(n, a, s, p, c, germany ? null : k), List.of());
	}

	/** The lines of the address zone, top to bottom. */
	List<String> lines() {
		List<String> lines = new ArrayList<>();
		lines.add(name);
		if (addition != null) {
			lines.add(addition);
		}
		lines.add(street);
		lines.add(postalCode + " " + city);
		if (country != null) {
			lines.add(country.toUpperCase(java.util.Locale.ROOT));
		}
		return lines;
	}

	record Result(@Nullable PostalAddress address, List<String> errors) {
	}

	private static void required(@Nullable String value, String field, List<String> errors) {
		if (value == null) {
			errors.add("letter.address." + field + ".required");
		}
	}

	private static @Nullable String clean(@Nullable String value) {
		if (value == null) {
			return null;
		}
		String text = InputText.nfc(value).replaceAll("\\p{Cntrl}", " ").strip();
		return text.isEmpty() ? null : text;
	}
}
