// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.audit;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Prepares {@code --verify-audit} before anything starts. Against the embedded database of an
 * OpenRathaus that is running, the command could not start its own database server on the same
 * data, and a failed start would read like a broken trail: so it stops here with exit code 3 and
 * says what to do. It also serves no pages, so its web server stays off and cannot clash with the
 * running instance's port.
 */
class DatabaseInUse implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!AuditVerificationCommand.requested(environment)) {
			return;
		}
		environment.getPropertySources().addFirst(new MapPropertySource("openrathaus-verify-audit", Map.of("server.port", "-1")));
		message(environment).ifPresent(message -> {
			System.err.println(message);
			System.exit(AuditVerificationCommand.DATABASE_IN_USE);
		});
	}

	/** The explanation if the verification would run against the embedded database of a running OpenRathaus. */
	static Optional<String> message(ConfigurableEnvironment environment) {
		if (environment.containsProperty("spring.datasource.url")
				|| environment.getProperty("openrathaus.database.embedded.ephemeral", Boolean.class, false)) {
			return Optional.empty();
		}
		Path directory = Path.of(environment.getProperty("openrathaus.database.embedded.data-directory", "data/postgres"))
			.toAbsolutePath();
		String advice = "Stop OpenRathaus first, or point --verify-audit at the running database with "
				+ "--spring.datasource.url, --spring.datasource.username and --spring.datasource.password (the embedded "
				+ "database's port is in line 4 of " + directory.resolve("postmaster.pid") + ", the passwords in "
				+ directory.resolve("openrathaus-credentials.properties") + ").";
		Path lock = directory.resolveSibling(directory.getFileName() + ".lock");
		if (Files.exists(lock)) {
			// the embedded database's own lock: held exactly while an OpenRathaus runs on this directory; a server
			// left running by a killed JVM does not hold it and is stopped when the embedded database starts
			return heldByAnotherProcess(lock) ? Optional.of("Database in use: an OpenRathaus is running on the embedded "
					+ "database in " + directory + ". " + advice) : Optional.empty();
		}
		return runningServer(directory).map(pid -> "Database in use: the embedded PostgreSQL in " + directory
				+ " is running (process " + pid + "), so OpenRathaus is probably up. " + advice);
	}

	private static boolean heldByAnotherProcess(Path lock) {
		try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
			FileLock held = channel.tryLock();
			if (held == null) {
				return true;
			}
			held.release();
			return false;
		}
		catch (OverlappingFileLockException sameProcess) {
			return true;
		}
		catch (IOException unreadable) {
			return false;
		}
	}

	/**
	 * The process id of a live PostgreSQL server holding the data directory, read from the
	 * {@code postmaster.pid} it writes there; none if the file is missing or stale (no such
	 * process, or a process that is not PostgreSQL reusing the number after a crash).
	 */
	static Optional<Long> runningServer(Path dataDirectory) {
		List<String> lines;
		try {
			lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			return Optional.empty();
		}
		long pid;
		try {
			// a single-user server writes its number negated
			pid = lines.isEmpty() ? 0 : Math.abs(Long.parseLong(lines.getFirst().strip()));
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
		return ProcessHandle.of(pid)
			.filter(ProcessHandle::isAlive)
			// where the command is hidden (another user's process), the live process is taken as the server
			.filter(process -> process.info().command().map(command -> Path.of(command).getFileName().toString().startsWith("postgres"))
				.orElse(true))
			.map(ProcessHandle::pid);
	}
}
