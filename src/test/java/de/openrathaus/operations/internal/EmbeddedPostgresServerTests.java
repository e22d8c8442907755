// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.operations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL itself: durable, password-protected, one OpenRathaus per data directory. */
class EmbeddedPostgresServerTests {

	private static final String BINARIES = Path.of("target", "postgres-binaries").toAbsolutePath().toString();

	@TempDir
	Path temp;

	private DatabaseSettings settings(Path data, boolean durable) {
		return new DatabaseSettings(data.toString(), false, 0, "openrathaus", "openrathaus_owner", durable, BINARIES,
				Duration.ofSeconds(120));
	}

	@Test
	void byDefaultEveryCommitIsFlushedToDiskBeforeItIsAcknowledged() throws Exception {
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(settings(temp.resolve("pg"), true));
				Connection connection = server.superuserConnection("postgres")) {
			assertThat(setting(connection, "fsync")).isEqualTo("on");
			assertThat(setting(connection, "synchronous_commit")).isEqualTo("on");
			assertThat(setting(connection, "full_page_writes")).isEqualTo("on");
			assertThat(setting(connection, "unix_socket_directories")).isEmpty();
		}
	}

	@Test
	void everyConnectionNeedsThePasswordThatOnlyTheOwnerOfTheDataDirectoryCanRead() throws Exception {
		Path data = temp.resolve("pg");
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(settings(data, true))) {
			String url = server.jdbcUrl("postgres");
			assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "")).isInstanceOf(SQLException.class);
			assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "geraten"))
				.hasMessageContaining("password authentication failed");
			try (Connection ok = DriverManager.getConnection(url, "postgres", server.credentials().superuserPassword())) {
				assertThat(ok.isValid(5)).isTrue();
			}
			Path credentials = data.resolve(EmbeddedCredentials.FILE);
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
			assertThat(Files.readString(data.resolve("pg_hba.conf"))).doesNotContain("trust");
		}
	}

	@Test
	void aSecondOpenRathausOnTheSameDataDirectoryIsRefusedWithAClearMessage() throws Exception {
		Path data = temp.resolve("pg");
		try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(settings(data, true))) {
			assertThatThrownBy(() -> EmbeddedPostgresServer.start(settings(data, true)))
				.isInstanceOf(EmbeddedPostgresServer.DataDirectoryInUseException.class)
				.hasMessageContaining("in use by another running OpenRathaus");
		}
	}

	@Test
	void aClusterCreatedByAnEarlierVersionWithoutPasswordsGetsThem() throws Exception {
		Path data = temp.resolve("pg");
		Path home = PostgresBinaries.prepare(Path.of(BINARIES));
		EmbeddedPostgresServer.run(home, Duration.ofMinutes(2), null, EmbeddedPostgresServer.bin(home, "initdb"), "-D",
				data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8");
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(settings(data, true))) {
			assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", ""))
				.isInstanceOf(SQLException.class);
			try (Connection ok = server.superuserConnection("postgres")) {
				assertThat(ok.isValid(5)).isTrue();
			}
		}
	}

	@Test
	void aDatabaseOfTheFirstVersionIsHandedOverToTheOwnerRole() throws Exception {
		DatabaseSettings settings = settings(temp.resolve("pg"), true);
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(settings)) {
			try (Connection admin = server.superuserConnection("postgres"); Statement statement = admin.createStatement()) {
				statement.execute("create role openrathaus login nosuperuser nobypassrls");
				statement.execute("create database openrathaus owner openrathaus");
			}
			try (Connection old = server.superuserConnection("openrathaus"); Statement statement = old.createStatement()) {
				statement.execute("set role openrathaus");
				statement.execute("create schema records");
				statement.execute("create table records.audit_entry (seq bigint generated always as identity, actor text)");
				statement.execute("create function records.refuse_change() returns trigger language plpgsql as "
						+ "$$ begin raise exception 'immutable'; end $$");
				statement.execute("create table public.flyway_schema_history (version text)");
				statement.execute("create table public.act_ru_task (id text)");
			}
			EmbeddedDatabaseConfiguration.prepareRoles(server, settings);
			try (Connection after = server.superuserConnection("openrathaus");
					Statement statement = after.createStatement();
					ResultSet rs = statement.executeQuery("""
							select (select pg_get_userbyid(datdba) from pg_database where datname = 'openrathaus'),
							       (select nspowner::regrole::text from pg_namespace where nspname = 'records'),
							       (select tableowner from pg_tables where tablename = 'audit_entry'),
							       (select tableowner from pg_tables where tablename = 'flyway_schema_history'),
							       (select tableowner from pg_tables where tablename = 'act_ru_task'),
							       (select proowner::regrole::text from pg_proc where proname = 'refuse_change')""")) {
				rs.next();
				assertThat(rs.getString(1)).isEqualTo("openrathaus_owner");
				assertThat(rs.getString(2)).isEqualTo("openrathaus_owner");
				assertThat(rs.getString(3)).isEqualTo("openrathaus_owner");
				assertThat(rs.getString(4)).isEqualTo("openrathaus_owner");
				assertThat(rs.getString(5)).as("the workflow engine's tables stay the application's").isEqualTo("openrathaus");
				assertThat(rs.getString(6)).isEqualTo("openrathaus_owner");
			}
			try (Connection app = DriverManager.getConnection(server.jdbcUrl("openrathaus"), "openrathaus",
					server.credentials().applicationPassword())) {
				assertThat(app.isValid(5)).as("the application role signs in with its generated password").isTrue();
			}
		}
	}

	@Test
	void theOptOutForTestsSwitchesFlushingOff() throws Exception {
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(settings(temp.resolve("pg"), false));
				Connection connection = server.superuserConnection("postgres")) {
			assertThat(setting(connection, "fsync")).isEqualTo("off");
			assertThat(setting(connection, "synchronous_commit")).isEqualTo("off");
		}
	}

	private static String setting(Connection connection, String name) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("show " + name)) {
			rs.next();
			return rs.getString(1);
		}
	}
}
