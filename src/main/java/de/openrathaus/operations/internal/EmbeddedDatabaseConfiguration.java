// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.operations.internal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts a real PostgreSQL from a Maven artifact when no external database is configured, so that
 * {@code java -jar} alone runs the platform. Two roles, as an operator would set up: the owner role
 * runs the migrations and owns every schema; the application works as an ordinary role that may read
 * and write rows but owns nothing, so it can neither alter tables nor disable their triggers (the
 * audit trail's append-only rule among them), and row-level security always applies to it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgresServer embeddedPostgres(DatabaseSettings settings) throws IOException, SQLException {
		EmbeddedPostgresServer server = EmbeddedPostgresServer.start(settings);
		try {
			prepareRoles(server, settings);
		}
		catch (SQLException | RuntimeException ex) {
			server.close();
			throw ex;
		}
		return server;
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(EmbeddedPostgresServer server, DatabaseSettings settings) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(server.jdbcUrl(settings.role()));
		config.setUsername(settings.role());
		config.setPassword(server.credentials().applicationPassword());
		config.setPoolName("openrathaus");
		config.setMaximumPoolSize(20);
		config.setAutoCommit(true);
		return new HikariDataSource(config);
	}

	/** Migrations run as the owner role. */
	@Bean
	FlywayConfigurationCustomizer embeddedMigrationRole(EmbeddedPostgresServer server, DatabaseSettings settings) {
		return configuration -> configuration.dataSource(server.jdbcUrl(settings.role()), settings.ownerRole(),
				server.credentials().ownerPassword());
	}

	/**
	 * Creates both roles and the database once and keeps their passwords in step with the credentials file.
	 * A database created by an earlier version belonged to the application role; its schemas move to the
	 * owner role here.
	 */
	static void prepareRoles(EmbeddedPostgresServer server, DatabaseSettings settings) throws SQLException {
		String app = settings.role();
		String owner = settings.ownerRole();
		EmbeddedCredentials credentials = server.credentials();
		boolean handOver = false;
		try (Connection connection = server.superuserConnection("postgres");
				Statement statement = connection.createStatement()) {
			ensureRole(connection, owner, credentials.ownerPassword());
			ensureRole(connection, app, credentials.applicationPassword());
			String databaseOwner = null;
			try (PreparedStatement query = connection.prepareStatement(
					"select pg_get_userbyid(datdba) from pg_database where datname = ?")) {
				query.setString(1, app);
				try (ResultSet rs = query.executeQuery()) {
					if (rs.next()) {
						databaseOwner = rs.getString(1);
					}
				}
			}
			if (databaseOwner == null) {
				statement.execute("create database " + app + " owner " + owner + " encoding 'UTF8' template template0");
			}
			else if (!databaseOwner.equals(owner)) {
				statement.execute("alter database " + app + " owner to " + owner);
				handOver = true;
			}
			statement.execute("revoke all on database " + app + " from public");
			statement.execute("grant connect, temporary on database " + app + " to " + app);
		}
		try (Connection connection = server.superuserConnection(app);
				Statement statement = connection.createStatement()) {
			if (handOver) {
				log.info("Handing the schemas of database '{}' over from role '{}' to the owner role '{}'", app, app,
						owner);
				statement.execute(HAND_OVER.replace("{app}", app).replace("{owner}", owner));
			}
			// the workflow engine and the event registry create their tables at run time, as the application
			statement.execute("grant usage, create on schema public to " + app);
		}
	}

	private static void ensureRole(Connection connection, String role, String password) throws SQLException {
		boolean exists;
		try (PreparedStatement query = connection.prepareStatement("select 1 from pg_roles where rolname = ?")) {
			query.setString(1, role);
			try (ResultSet rs = query.executeQuery()) {
				exists = rs.next();
			}
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute((exists ? "alter" : "create") + " role " + role
					+ " login nosuperuser nocreatedb nocreaterole nobypassrls password '" + password + "'");
		}
	}

	/** Moves the migrated schemas, their objects and Flyway's history from the application to the owner. */
	private static final String HAND_OVER = """
			do $$
			declare r record;
			begin
			  for r in select nspname from pg_namespace
			           where nspowner = '{app}'::regrole and nspname <> 'public' and nspname not like 'pg\\_%' loop
			    execute format('alter schema %I owner to %I', r.nspname, '{owner}');
			  end loop;
			  for r in select c.oid::regclass as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
			           where c.relowner = '{app}'::regrole and c.relkind in ('r', 'p', 'v', 'm', 'f')
			             and (n.nspname not in ('public', 'information_schema') and n.nspname not like 'pg\\_%'
			                  or c.relname = 'flyway_schema_history') loop
			    execute format('alter table %s owner to %I', r.name, '{owner}');
			  end loop;
			  for r in select c.oid::regclass as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
			           where c.relowner = '{app}'::regrole and c.relkind = 'S'
			             and n.nspname not in ('public', 'information_schema') and n.nspname not like 'pg\\_%' loop
			    execute format('alter sequence %s owner to %I', r.name, '{owner}');
			  end loop;
			  for r in select p.oid::regprocedure as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
			           where p.proowner = '{app}'::regrole
			             and n.nspname not in ('public', 'information_schema') and n.nspname not like 'pg\\_%' loop
			    execute format('alter routine %s owner to %I', r.name, '{owner}');
			  end loop;
			end $$""";

	static class NoExternalDatabase implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !context.getEnvironment().containsProperty("spring.datasource.url");
		}
	}
}
