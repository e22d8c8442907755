// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.demoidp.sso;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import de.openrathaus.demoidp.persons.Level;

/**
 * What a RequestedAuthnContext asks for (SAML 2.0 core, 3.3.2.2.1): the levels its class references
 * name and how to compare ({@code exact} when the request says nothing, as the standard says).
 * Without a RequestedAuthnContext every level will do.
 *
 * @param stated whether the request had a RequestedAuthnContext at all
 */
record LevelRequirement(boolean stated, String comparison, Set<Level> levels) {

	static final LevelRequirement ANY = new LevelRequirement(false, "minimum", EnumSet.of(Level.LOW));

	LevelRequirement {
		levels = levels.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(levels));
	}

	boolean allows(Level level) {
		if (levels.isEmpty()) {
			return false;
		}
		Level weakest = levels.stream().min(Level::compareTo).orElseThrow();
		Level strongest = levels.stream().max(Level::compareTo).orElseThrow();
		return switch (comparison) {
			case "minimum" -> level.atLeast(weakest);
			case "maximum" -> strongest.atLeast(level);
			case "better" -> level.compareTo(weakest) > 0;
			default -> levels.contains(level);
		};
	}

	/** The weakest level that satisfies the requirement, for the page's explanation. */
	Level minimum() {
		for (Level level : Level.values()) {
			if (allows(level)) {
				return level;
			}
		}
		return Level.HIGH;
	}
}
