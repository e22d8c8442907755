// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.tenancy;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The origin (scheme, host and port, e.g. {@code http://localhost:8080}) the current request came
 * in on, bound by the tenant resolution together with the tenant, and only when the host is one
 * the municipality claims: a forged Host header never becomes an origin. Work that outlives the
 * request (mails composed from events) must carry it deliberately, e.g. in the event.
 */
public final class RequestOrigin {

	private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

	private RequestOrigin() {
	}

	public static Optional<String> current() {
		return Optional.ofNullable(CURRENT.get());
	}

	/** The current origin or null, for events that carry it. */
	public static @Nullable String currentOrNull() {
		return CURRENT.get();
	}

	/** Binds the origin until the returned binding is closed; for the tenant resolution and tests. */
	public static TenantContext.Binding open(@Nullable String origin) {
		String previous = CURRENT.get();
		if (origin == null) {
			CURRENT.remove();
		}
		else {
			CURRENT.set(origin);
		}
		return () -> {
			if (previous == null) {
				CURRENT.remove();
			}
			else {
				CURRENT.set(previous);
			}
		};
	}
}
