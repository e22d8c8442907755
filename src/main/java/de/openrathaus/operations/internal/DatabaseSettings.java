// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.operations.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL used when no {@code spring.datasource.url} is configured.
 *
 * @param dataDirectory where the embedded server keeps its data (and the generated passwords of its
 * roles); kept across restarts
 * @param ephemeral start on a fresh temporary directory removed at shutdown (tests)
 * @param port TCP port on loopback; 0 picks a free one
 * @param role the role the application works as; also the database's name
 * @param ownerRole the role that owns the schemas and runs the migrations
 * @param durable flush every commit to disk before acknowledging it; {@code false} only for tests,
 * where a crash may lose acknowledged writes
 * @param binariesDirectory where the PostgreSQL programs are unpacked
 * @param startupTimeout how long the server may take to start (recovery after a crash included)
 */
@ConfigurationProperties("openrathaus.database.embedded")
record DatabaseSettings(@DefaultValue("data/postgres") String dataDirectory, @DefaultValue("false") boolean ephemeral,
		@DefaultValue("0") int port, @DefaultValue("openrathaus") String role,
		@DefaultValue("openrathaus_owner") String ownerRole, @DefaultValue("true") boolean durable,
		@DefaultValue("data/postgres-binaries") String binariesDirectory,
		@DefaultValue("120s") Duration startupTimeout) {

	DatabaseSettings {
		for (String name : new String[] { role, ownerRole }) {
			if (!name.matches("[a-z_][a-z0-9_]{0,40}")) {
				throw new IllegalArgumentException("Invalid database role name: " + name);
			}
		}
		if (role.equals(ownerRole)) {
			throw new IllegalArgumentException("The application role and the owner role must differ: " + role);
		}
	}
}
