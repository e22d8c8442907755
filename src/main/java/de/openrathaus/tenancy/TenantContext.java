// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.tenancy;

import java.util.Optional;

/**
 * The tenant the current thread works for. Database connections taken while a tenant is bound
 * see only that tenant's rows; with none bound they see no tenant data at all.
 */
public final class TenantContext {

	private static final ThreadLocal<TenantId> CURRENT = new ThreadLocal<>();

	private TenantContext() {
	}

	public static Optional<TenantId> current() {
		return Optional.ofNullable(CURRENT.get());
	}

	public static TenantId require() {
		TenantId tenant = CURRENT.get();
		if (tenant == null) {
			throw new IllegalStateException("No municipality (tenant) is bound to this thread");
		}
		return tenant;
	}

	/** Work that may throw a checked exception of its own. */
	@FunctionalInterface
	public interface Work<T, E extends Throwable> {
		T call() throws E;
	}

	/** A tenant binding that ends, restoring the previous one, when closed. */
	public interface Binding extends AutoCloseable {
		@Override
		void close();
	}

	/** Binds the tenant until the returned binding is closed (use with try-with-resources). */
	public static Binding open(TenantId tenant) {
		TenantId previous = CURRENT.get();
		CURRENT.set(tenant);
		return () -> {
			if (previous == null) {
				CURRENT.remove();
			}
			else {
				CURRENT.set(previous);
			}
		};
	}

	/** Runs the work bound to the given tenant and restores the previous binding afterwards. */
	public static <T, E extends Throwable> T callAs(TenantId tenant, Work<T, E> work) throws E {
		try (Binding binding = open(tenant)) {
			return work.call();
		}
	}

	public static void runAs(TenantId tenant, Runnable work) {
		callAs(tenant, () -> {
			work.run();
			return null;
		});
	}
}
