// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.operations.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.springframework.context.ApplicationContext;

/**
 * Connections for tests that act beyond the application's role (an attacker with the superuser,
 * a role with chosen grants): to the embedded database with its generated passwords, or in CI to the
 * machine's PostgreSQL, which trusts local connections.
 */
public final class DatabaseConnections {

	private DatabaseConnections() {
	}

	/** The cluster's superuser, past row-level security. */
	public static Connection superuser(ApplicationContext context, String database) throws SQLException {
		EmbeddedPostgresServer server = context.getBeanProvider(EmbeddedPostgresServer.class).getIfAvailable();
		if (server != null) {
			return server.superuserConnection(database);
		}
		return DriverManager.getConnection(externalUrl(context, database), "postgres", "");
	}

	/** Any role, with its password (ignored by the machine's PostgreSQL in CI). */
	public static Connection as(ApplicationContext context, String role, String password, String database)
			throws SQLException {
		EmbeddedPostgresServer server = context.getBeanProvider(EmbeddedPostgresServer.class).getIfAvailable();
		String url = server != null ? server.jdbcUrl(database) : externalUrl(context, database);
		return DriverManager.getConnection(url, role, password);
	}

	private static String externalUrl(ApplicationContext context, String database) {
		String url = context.getEnvironment().getRequiredProperty("spring.datasource.url");
		return url.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database);
	}
}
