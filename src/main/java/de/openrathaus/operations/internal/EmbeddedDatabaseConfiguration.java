// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.operations.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts a real PostgreSQL from a Maven artifact when no external database is configured, so
 * that {@code java -jar} alone runs the platform. The application connects as an ordinary role
 * (never the superuser) because row-level security does not apply to superusers.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(DatabaseSettings settings) throws IOException, SQLException {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setRegisterShutdownHook(false)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("max_connections", "100")
				.setLocaleConfig("encoding", "UTF8")
				.setLocaleConfig("locale", "C.UTF-8");
		if (settings.port() > 0) {
			builder.setPort(settings.port());
		}
		if (!settings.ephemeral()) {
			Path directory = Path.of(settings.dataDirectory()).toAbsolutePath();
			Files.createDirectories(directory);
			builder.setDataDirectory(directory).setCleanDataDirectory(false);
		}
		EmbeddedPostgres postgres = builder.start();
		prepare(postgres, settings.role());
		log.info("Embedded PostgreSQL listening on 127.0.0.1:{} ({})", postgres.getPort(),
				settings.ephemeral() ? "temporary data" : "data in " + settings.dataDirectory());
		return postgres;
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(EmbeddedPostgres postgres, DatabaseSettings settings) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + settings.role());
		config.setUsername(settings.role());
		config.setPoolName("openrathaus");
		config.setMaximumPoolSize(20);
		config.setAutoCommit(true);
		return new HikariDataSource(config);
	}

	/** Creates the application role (no superuser, no BYPASSRLS) and its database once. */
	private static void prepare(EmbeddedPostgres postgres, String role) throws SQLException {
		if (!role.matches("[a-z_][a-z0-9_]{0,40}")) {
			throw new IllegalArgumentException("Invalid database role name: " + role);
		}
		DataSource admin = postgres.getPostgresDatabase();
		try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement.executeQuery("select 1 from pg_roles where rolname = '" + role + "'")) {
				if (!rs.next()) {
					statement.execute("create role " + role + " login nosuperuser nobypassrls");
				}
			}
			try (ResultSet rs = statement.executeQuery("select 1 from pg_database where datname = '" + role + "'")) {
				if (!rs.next()) {
					statement.execute("create database " + role + " owner " + role + " encoding 'UTF8' template template0");
				}
			}
		}
	}

	static class NoExternalDatabase implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !context.getEnvironment().containsProperty("spring.datasource.url");
		}
	}
}
