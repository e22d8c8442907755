// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.personaldata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What one module keeps about a person.
 *
 * @param category a short technical key of the module's part (e.g. {@code account}, {@code applications}); the
 *     privacy module names it for the reader
 * @param entries the records, each of a kind (e.g. {@code application}) with its fields in a stable order
 * @param files documents kept about the person (uploads, letters, decisions), with a path inside the category
 */
public record PersonalData(String category, List<Entry> entries, List<File> files) {

	public PersonalData {
		entries = List.copyOf(entries);
		files = List.copyOf(files);
	}

	/** One record; fields hold strings, numbers, booleans, dates as ISO text, nested maps or lists, or null. */
	public record Entry(String kind, Map<String, @Nullable Object> fields) {

		public Entry {
			fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
		}

		/** Fields given as name, value, name, value, … in the order they are to be shown. */
		public static Entry of(String kind, @Nullable Object... namesAndValues) {
			if (namesAndValues.length % 2 != 0) {
				throw new IllegalArgumentException("names and values come in pairs");
			}
			Map<String, @Nullable Object> fields = new LinkedHashMap<>();
			for (int i = 0; i < namesAndValues.length; i += 2) {
				fields.put(String.valueOf(namesAndValues[i]), namesAndValues[i + 1]);
			}
			return new Entry(kind, fields);
		}
	}

	/** A database time as ISO-8601 text, as entries show times; null stays null. */
	public static @Nullable String time(java.sql.@Nullable Timestamp at) {
		return at == null ? null : at.toInstant().toString();
	}

	/** A document kept about the person. */
	public record File(String path, String mediaType, byte[] content) {
	}
}
