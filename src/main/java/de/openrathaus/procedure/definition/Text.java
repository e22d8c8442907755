// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.definition;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** A text of a definition in German (required) and English (falls back to German). */
public record Text(String de, @Nullable String en) {

	public Text {
		if (de == null || de.isBlank()) {
			throw new IllegalArgumentException("a German text is required");
		}
	}

	public String in(Locale locale) {
		return "en".equals(locale.getLanguage()) && en != null && !en.isBlank() ? en : de;
	}
}
