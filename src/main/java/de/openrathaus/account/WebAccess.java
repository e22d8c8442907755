// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The web security rules a module declares for its own paths, as a bean; the sign-in configuration
 * applies those of all modules and knows none itself. {@link #open()} paths need no sign-in (its
 * pages for anyone, its API description); {@link #restricted()} maps path patterns to the named
 * {@link Authorities authority} they need before any handler runs. Every handler still carries its
 * own {@code @PreAuthorize}; a path of no rule needs a signed-in account.
 *
 * @param open       path patterns anyone may request
 * @param restricted path patterns and the authority each needs
 */
public record WebAccess(List<String> open, Map<String, String> restricted) {

	public WebAccess {
		open = List.copyOf(open);
		restricted = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(restricted));
		restricted.values().forEach(authority -> {
			if (!Authorities.all().contains(authority)) {
				throw new IllegalArgumentException("not a named authority: " + authority);
			}
		});
	}

	/** Paths anyone may request. */
	public static WebAccess open(String... patterns) {
		return new WebAccess(List.of(patterns), Map.of());
	}

	/** These rules plus paths that need the authority. */
	public WebAccess restrict(String authority, String... patterns) {
		Map<String, String> more = new LinkedHashMap<>(restricted);
		for (String pattern : patterns) {
			more.put(pattern, authority);
		}
		return new WebAccess(open, more);
	}
}
