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
 * <p>
 * {@link #csrfExemptForCrossSitePosts()} lists the rare open paths that take form posts from another
 * site and cannot carry our CSRF token (a SAML identity provider posting its response); each must be
 * open too, so that no session's authority is ever used there, and must prove its requests by other
 * means (a signature). The name is long on purpose: adding a path here is a security decision.
 *
 * @param open                         path patterns anyone may request
 * @param restricted                   path patterns and the authority each needs
 * @param csrfExemptForCrossSitePosts open path patterns whose POSTs are not checked for a CSRF token
 */
public record WebAccess(List<String> open, Map<String, String> restricted, List<String> csrfExemptForCrossSitePosts) {

	public WebAccess {
		open = List.copyOf(open);
		restricted = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(restricted));
		restricted.values().forEach(authority -> {
			if (!Authorities.all().contains(authority)) {
				throw new IllegalArgumentException("not a named authority: " + authority);
			}
		});
		csrfExemptForCrossSitePosts = List.copyOf(csrfExemptForCrossSitePosts);
		for (String pattern : csrfExemptForCrossSitePosts) {
			if (!open.contains(pattern)) {
				throw new IllegalArgumentException("a path without CSRF check must be declared open: " + pattern);
			}
		}
	}

	public WebAccess(List<String> open, Map<String, String> restricted) {
		this(open, restricted, List.of());
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
		return new WebAccess(open, more, csrfExemptForCrossSitePosts);
	}

	/**
	 * These rules, and these open paths take cross-site form posts without CSRF token (see the class
	 * comment: only for messages that carry their own proof, such as a signed SAML response).
	 */
	public WebAccess csrfExemptForCrossSitePosts(String... patterns) {
		List<String> more = new java.util.ArrayList<>(csrfExemptForCrossSitePosts);
		more.addAll(List.of(patterns));
		return new WebAccess(open, restricted, more);
	}
}
