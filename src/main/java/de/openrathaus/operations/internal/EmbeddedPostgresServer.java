// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.operations.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run from the binaries shipped in a Maven artifact, with the same guarantees as a
 * server installed by an operator: every commit is flushed to disk before it is acknowledged (unless a
 * test opts out), every connection needs a password, only loopback TCP is served (no Unix socket
 * another local user could reach), and a server orphaned by an earlier crash of the JVM is recognised
 * and stopped instead of blocking the next start.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	static final String SUPERUSER = "postgres";

	private static final String HBA = """
			# Written by OpenRathaus at every start of its embedded PostgreSQL: every connection needs a
			# password (SCRAM); only loopback TCP is served. Passwords: openrathaus-credentials.properties.
			host all all 127.0.0.1/32 scram-sha-256
			host all all ::1/128 scram-sha-256
			""";

	private final Path home;

	private final Path data;

	private final boolean ephemeral;

	private final int port;

	private final EmbeddedCredentials credentials;

	private final FileChannel lockChannel;

	private final FileLock lock;

	private EmbeddedPostgresServer(Path home, Path data, boolean ephemeral, int port, EmbeddedCredentials credentials,
			FileChannel lockChannel, FileLock lock) {
		this.home = home;
		this.data = data;
		this.ephemeral = ephemeral;
		this.port = port;
		this.credentials = credentials;
		this.lockChannel = lockChannel;
		this.lock = lock;
	}

	/**
	 * Starts the server on the configured data directory, creating the cluster on first use.
	 *
	 * @throws DataDirectoryInUseException when another running OpenRathaus uses the directory
	 */
	static EmbeddedPostgresServer start(DatabaseSettings settings) throws IOException {
		Path home = PostgresBinaries.prepare(Path.of(settings.binariesDirectory()).toAbsolutePath());
		Path data = settings.ephemeral() ? Files.createTempDirectory("openrathaus-postgres-")
				: Path.of(settings.dataDirectory()).toAbsolutePath();
		Files.createDirectories(data.getParent());
		FileChannel lockChannel = FileChannel.open(data.resolveSibling(data.getFileName() + ".lock"),
				StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		FileLock lock;
		try {
			lock = lockChannel.tryLock();
		}
		catch (OverlappingFileLockException sameProcess) {
			lock = null;
		}
		if (lock == null) {
			lockChannel.close();
			throw new DataDirectoryInUseException(data);
		}
		try {
			EmbeddedCredentials credentials = prepareCluster(home, data);
			int port = settings.port() > 0 ? settings.port() : freePort();
			EmbeddedPostgresServer server = new EmbeddedPostgresServer(home, data, settings.ephemeral(), port,
					credentials, lockChannel, lock);
			server.launch(settings);
			return server;
		}
		catch (IOException | RuntimeException ex) {
			lock.release();
			lockChannel.close();
			throw ex;
		}
	}

	int port() {
		return port;
	}

	EmbeddedCredentials credentials() {
		return credentials;
	}

	String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
	}

	/** A connection as the superuser, for creating roles and databases. */
	Connection superuserConnection(String database) throws SQLException {
		return DriverManager.getConnection(jdbcUrl(database), SUPERUSER, credentials.superuserPassword());
	}

	/**
	 * Creates the cluster on first use, or brings one created by an earlier version (which let any local
	 * user in without a password) up to date; stops a server orphaned by a crash.
	 */
	private static EmbeddedCredentials prepareCluster(Path home, Path data) throws IOException {
		Optional<EmbeddedCredentials> existing = EmbeddedCredentials.read(data);
		if (!Files.exists(data.resolve("PG_VERSION"))) {
			if (Files.isDirectory(data)) {
				try (var entries = Files.list(data)) {
					if (entries.findAny().isPresent()) {
						throw new IllegalStateException("The directory " + data + " is neither empty nor a PostgreSQL "
								+ "data directory. Point openrathaus.database.embedded.data-directory elsewhere.");
					}
				}
			}
			EmbeddedCredentials created = EmbeddedCredentials.generate();
			Path passwordFile = Files.createTempFile("openrathaus-initdb-", ".pw");
			try {
				Files.writeString(passwordFile, created.superuserPassword());
				run(home, Duration.ofMinutes(2), null, bin(home, "initdb"), "-D", data.toString(), "-U", SUPERUSER,
						"--pwfile=" + passwordFile, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8");
			}
			finally {
				Files.deleteIfExists(passwordFile);
			}
			created.write(data);
			Files.writeString(data.resolve("pg_hba.conf"), HBA);
			return created;
		}
		stopOrphanedServer(home, data);
		if (existing.isPresent()) {
			Files.writeString(data.resolve("pg_hba.conf"), HBA);
			return existing.get();
		}
		log.warn("The embedded PostgreSQL in {} let every local user in without a password; setting passwords now",
				data);
		EmbeddedCredentials created = EmbeddedCredentials.generate();
		run(home, Duration.ofMinutes(2),
				"alter role " + SUPERUSER + " password '" + created.superuserPassword() + "';\n",
				bin(home, "postgres"), "--single", "-D", data.toString(), "-c", "log_min_messages=warning",
				SUPERUSER);
		created.write(data);
		Files.writeString(data.resolve("pg_hba.conf"), HBA);
		return created;
	}

	/**
	 * After the JVM was killed, the server it started goes on running (its parent is gone) and holds the
	 * data directory. Our own lock is free again by then, so a live postmaster of this directory can only
	 * be such an orphan: stop it. A pid file naming some other, unrelated process is left over from a
	 * crash of the whole machine or of the server, and PostgreSQL would refuse to start over it.
	 */
	private static void stopOrphanedServer(Path home, Path data) throws IOException {
		Path pidFile = data.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.isEmpty() || !lines.getFirst().strip().matches("\\d+")) {
			return;
		}
		long pid = Long.parseLong(lines.getFirst().strip());
		Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
		if (process.isEmpty()) {
			return;
		}
		String commandLine = commandLine(pid);
		if (commandLine.contains("postgres") && commandLine.contains(data.toString())) {
			log.warn("A PostgreSQL server (process {}) from an earlier run that ended without shutting down still "
					+ "uses {}; stopping it", pid, data);
			run(home, Duration.ofSeconds(90), null, bin(home, "pg_ctl"), "stop", "-D", data.toString(), "-m", "fast",
					"-w", "-t", "60");
		}
		else if (commandLine.contains("postgres")) {
			throw new IllegalStateException("The PostgreSQL process " + pid + " holds " + data
					+ " but was not started by OpenRathaus for it. Stop that process, then start OpenRathaus again.");
		}
		else {
			log.info("Removing the stale {} (process {} is not PostgreSQL)", pidFile, pid);
			Files.delete(pidFile);
		}
	}

	private static String commandLine(long pid) {
		try {
			return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
					StandardCharsets.UTF_8).replace('\0', ' ');
		}
		catch (IOException ex) {
			return ProcessHandle.of(pid).flatMap(p -> p.info().commandLine()).orElse("");
		}
	}

	private void launch(DatabaseSettings settings) throws IOException {
		List<String> options = new ArrayList<>(List.of("-p", Integer.toString(port), "-c", "listen_addresses=127.0.0.1",
				"-c", "unix_socket_directories=''", "-c", "max_connections=100", "-c", "timezone=UTC",
				"-c", "password_encryption=scram-sha-256", "-c", "logging_collector=on", "-c", "log_directory=log",
				"-c", "log_filename=postgresql-%a.log", "-c", "log_truncate_on_rotation=on", "-c",
				"log_rotation_age=1d"));
		if (settings.durable()) {
			// PostgreSQL's own defaults, stated so that nobody mistakes their absence for an oversight.
			options.addAll(List.of("-c", "fsync=on", "-c", "synchronous_commit=on", "-c", "full_page_writes=on"));
		}
		else {
			log.warn("The embedded PostgreSQL runs without flushing commits to disk "
					+ "(openrathaus.database.embedded.durable=false): a crash loses acknowledged writes");
			options.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
		}
		long timeout = settings.startupTimeout().toSeconds();
		run(home, settings.startupTimeout().plusSeconds(30), null, bin(home, "pg_ctl"), "start", "-D",
				data.toString(), "-w", "-t", Long.toString(timeout), "-l", data.resolve("startup.log").toString(),
				"-o", String.join(" ", options));
		log.info("Embedded PostgreSQL listening on 127.0.0.1:{} ({})", port,
				ephemeral ? "temporary data" : "data in " + data);
	}

	@Override
	public void close() throws IOException {
		try {
			run(home, Duration.ofSeconds(90), null, bin(home, "pg_ctl"), "stop", "-D", data.toString(), "-m", "fast",
					"-w", "-t", "60");
		}
		catch (RuntimeException ex) {
			log.error("Could not stop the embedded PostgreSQL in {}", data, ex);
		}
		finally {
			lock.release();
			lockChannel.close();
			if (ephemeral) {
				PostgresBinaries.deleteRecursively(data);
				Files.deleteIfExists(data.resolveSibling(data.getFileName() + ".lock"));
			}
		}
	}

	static String bin(Path home, String program) {
		return home.resolve("bin").resolve(program).toString();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	/** Runs one of the server programs, waits at most {@code timeout}, and fails with its output. */
	static void run(Path home, Duration timeout, String input, String... command) throws IOException {
		Path output = Files.createTempFile("openrathaus-postgres-", ".out");
		try {
			ProcessBuilder builder = new ProcessBuilder(unprivileged(command)).redirectErrorStream(true)
					.redirectOutput(output.toFile());
			builder.environment().put("LC_ALL", "C.UTF-8");
			builder.environment().remove("PGDATA");
			Process process = builder.start();
			try (var stdin = process.getOutputStream()) {
				if (input != null) {
					stdin.write(input.getBytes(StandardCharsets.UTF_8));
				}
			}
			try {
				if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
					process.destroyForcibly();
					throw new IllegalStateException(name(command) + " did not finish within " + timeout.toSeconds()
							+ " s");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				process.destroyForcibly();
				throw new IllegalStateException(name(command) + " was interrupted", ex);
			}
			if (process.exitValue() != 0) {
				String text = Files.readString(output, StandardCharsets.UTF_8).strip();
				throw new IllegalStateException(name(command) + " failed (exit code " + process.exitValue() + "): "
						+ (text.length() > 4000 ? text.substring(text.length() - 4000) : text));
			}
		}
		finally {
			Files.deleteIfExists(output);
		}
	}

	/**
	 * PostgreSQL refuses to run as root. Where the platform itself runs as root (containers, CI), the server
	 * programs run in a user namespace of their own, in which they are not root.
	 */
	private static List<String> unprivileged(String... command) {
		List<String> line = new ArrayList<>();
		if (runsAsRoot()) {
			if (!Files.isExecutable(Path.of("/usr/bin/unshare"))) {
				throw new IllegalStateException("The embedded PostgreSQL cannot run as root and 'unshare' is missing: "
						+ "start OpenRathaus as an ordinary user.");
			}
			line.addAll(List.of("/usr/bin/unshare", "--user"));
		}
		line.addAll(List.of(command));
		return line;
	}

	private static boolean runsAsRoot() {
		try {
			return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
		}
		catch (IOException | UnsupportedOperationException ex) {
			return "root".equals(System.getProperty("user.name"));
		}
	}

	private static String name(String... command) {
		String program = Path.of(command[0]).getFileName().toString();
		return command.length > 1 ? program + " " + command[1] : program;
	}

	/** Another OpenRathaus process is running on the same embedded data directory. */
	static final class DataDirectoryInUseException extends IllegalStateException {

		DataDirectoryInUseException(Path data) {
			super("The embedded database in " + data + " is in use by another running OpenRathaus. Stop that one "
					+ "first, or give this one its own openrathaus.database.embedded.data-directory.");
		}
	}
}
