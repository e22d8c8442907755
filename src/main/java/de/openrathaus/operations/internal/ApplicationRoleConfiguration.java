// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.operations.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tells the migrations which role the application works as, so that the callback run after every
 * migration ({@code afterMigrate__grant_application_role.sql}) grants it what it needs and no more.
 * Warns when the application itself owns the schemas: it could then alter the audit trail.
 */
@Configuration(proxyBeanMethods = false)
class ApplicationRoleConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ApplicationRoleConfiguration.class);

	@Bean
	FlywayConfigurationCustomizer applicationRolePlaceholder(DataSource dataSource) {
		return configuration -> configuration.placeholders(Map.of("app_role", currentUser(dataSource)));
	}

	@Bean
	SmartInitializingSingleton applicationRoleOwnsNothing(JdbcClient jdbc) {
		return () -> {
			int owned = jdbc.sql("""
					select count(*) from pg_namespace
					where nspowner = current_user::regrole and nspname <> 'public' and nspname not like 'pg\\_%'
					  and nspname <> 'information_schema'""").query(Integer.class).single();
			if (owned > 0) {
				log.warn("The application's database role owns the OpenRathaus schemas, so it could alter the audit "
						+ "trail or switch off its append-only rule. Run the migrations as a separate owner role "
						+ "(spring.flyway.url / .user / .password, see README 'Production database').");
			}
		};
	}

	private static String currentUser(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select current_user")) {
			rs.next();
			return rs.getString(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot reach the database to learn the application's role", ex);
		}
	}
}
