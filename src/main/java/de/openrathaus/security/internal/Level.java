// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.security.internal;

import org.jspecify.annotations.Nullable;

/** A protection need category of BSI standard 200-2, in rising order. */
enum Level {
	NORMAL, HIGH, VERY_HIGH;

	/** The higher of the two; a missing level counts as none. */
	static @Nullable Level max(@Nullable Level a, @Nullable Level b) {
		if (a == null) {
			return b;
		}
		if (b == null) {
			return a;
		}
		return a.compareTo(b) >= 0 ? a : b;
	}

	/** A level from a form field; empty or unknown text is none. */
	static @Nullable Level parse(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return valueOf(text.strip());
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
