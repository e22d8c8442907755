// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.tenancy.internal;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when the database role would bypass row-level security (a superuser or a
 * role with BYPASSRLS), because tenant separation would then silently not hold.
 */
@Component
class RowLevelSecurityGuard implements SmartInitializingSingleton {

	private final JdbcClient jdbc;

	RowLevelSecurityGuard(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void afterSingletonsInstantiated() {
		boolean bypasses = jdbc.sql("select rolsuper or rolbypassrls from pg_roles where rolname = current_user")
				.query(Boolean.class).single();
		if (bypasses) {
			String role = jdbc.sql("select current_user").query(String.class).single();
			throw new IllegalStateException("Database role '" + role + "' is a superuser or has BYPASSRLS, so "
					+ "row-level security would not separate the municipalities. Connect with an ordinary role "
					+ "that owns the OpenRathaus database (see README, 'Production database').");
		}
	}
}
