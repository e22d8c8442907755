// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded default, as a small city runs it, loses no acknowledged write when the JVM and the
 * database are killed with SIGKILL under concurrent writes, and starts again after a crash that left
 * its PostgreSQL running. The platform runs in a JVM of its own (the test's class path, the default
 * configuration, a data directory under {@code target/}), so the kill is a real one.
 */
class EmbeddedDatabaseCrashTests {

	private static final String CLERK = "steuern@musterstadt.example";

	private static final String PASSWORD = "Demo-Passwort-2026";

	private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Path directory = Path.of("target", "crash-test", Long.toString(System.nanoTime(), 36)).toAbsolutePath();

	private Process platform;

	private int port;

	@AfterEach
	void stopPlatform() throws Exception {
		if (platform != null && platform.isAlive()) {
			platform.destroy();
			if (!platform.waitFor(60, TimeUnit.SECONDS)) {
				platform.destroyForcibly();
			}
		}
		postmaster().ifPresent(ProcessHandle::destroyForcibly);
	}

	@Test
	void noAcknowledgedWriteIsLostWhenTheJvmAndTheDatabaseAreKilledAndAnOrphanedDatabaseDoesNotBlockTheRestart()
			throws Exception {
		Files.createDirectories(directory);
		start();
		String file = createFile();

		// 1. kill -9 the JVM and every PostgreSQL process while 16 clients write
		Map<String, String> acknowledged = new ConcurrentHashMap<>();
		writeUntilKilled(file, "A", acknowledged, true);
		assertThat(acknowledged).as("cases acknowledged before the kill").hasSizeGreaterThanOrEqualTo(40);
		start();
		assertAllPresent(acknowledged);

		// 2. kill -9 the JVM alone: its PostgreSQL lives on as an orphan and must not block the next start
		writeUntilKilled(file, "B", acknowledged, false);
		assertThat(postmaster()).as("PostgreSQL survived the JVM").isPresent();
		start();
		assertAllPresent(acknowledged);
	}

	/** Writes with 16 clients, kills while they write; keeps every case whose 201 arrived. */
	private void writeUntilKilled(String file, String round, Map<String, String> acknowledged, boolean killDatabase)
			throws Exception {
		AtomicBoolean running = new AtomicBoolean(true);
		ExecutorService clients = Executors.newFixedThreadPool(16);
		for (int c = 0; c < 16; c++) {
			int client = c;
			clients.submit(() -> {
				for (int n = 0; running.get(); n++) {
					String reference = "CRASH-" + round + "-" + client + "-" + n;
					try {
						HttpResponse<String> response = post("/api/v1/records/files/" + file + "/cases?reference="
								+ reference + "&title=Absturztest");
						if (response.statusCode() == 201) {
							acknowledged.put(reference, id(response.body()));
						}
					}
					catch (IOException ex) {
						return null; // the platform is gone
					}
				}
				return null;
			});
		}
		// kill in the middle of the writing: once 40 more cases were acknowledged (at most 30 s)
		int before = acknowledged.size();
		Instant until = Instant.now().plusSeconds(30);
		while (acknowledged.size() < before + 40 && Instant.now().isBefore(until)) {
			Thread.sleep(50);
		}
		List<ProcessHandle> database = killDatabase ? databaseProcesses() : List.of();
		platform.destroyForcibly();
		database.forEach(ProcessHandle::destroyForcibly);
		Instant killed = Instant.now();
		platform.waitFor(30, TimeUnit.SECONDS);
		for (ProcessHandle process : database) {
			process.onExit().get(30, TimeUnit.SECONDS);
		}
		running.set(false);
		clients.shutdown();
		assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		System.out.println("Round " + round + ": killed at " + killed + ", " + acknowledged.size()
				+ " cases acknowledged so far");
	}

	private void assertAllPresent(Map<String, String> acknowledged) throws Exception {
		Map<String, String> stored = new HashMap<>();
		Map<String, Integer> copies = new HashMap<>();
		try (Connection connection = superuser(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(
						"select reference, id from records.record_case where reference like 'CRASH-%'")) {
			while (rows.next()) {
				stored.put(rows.getString(1), rows.getString(2));
				copies.merge(rows.getString(1), 1, Integer::sum);
			}
		}
		List<String> lost = new ArrayList<>();
		acknowledged.forEach((reference, id) -> {
			if (!id.equals(stored.get(reference))) {
				lost.add(reference);
			}
		});
		assertThat(lost).as("acknowledged cases missing after the restart").isEmpty();
		assertThat(copies.values()).as("no case stored twice").allMatch(count -> count == 1);
	}

	private void start() throws Exception {
		port = freePort();
		Path log = directory.resolve("platform-" + System.nanoTime() + ".log");
		String java = ProcessHandle.current().info().command().orElse("java");
		ProcessBuilder builder = new ProcessBuilder(java, "-Xmx768m", "-cp", System.getProperty("java.class.path"),
				"de.openrathaus.OpenRathausApplication", "--server.port=" + port,
				"--openrathaus.database.embedded.binaries-directory="
						+ Path.of("target", "postgres-binaries").toAbsolutePath(),
				"--openrathaus.demo.e-file=false", "--openrathaus.mail.send-interval=1h")
			.directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		// the embedded default, whatever database the rest of the suite is pointed at
		builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_"));
		platform = builder.start();
		Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
		while (Instant.now().isBefore(deadline)) {
			assertThat(platform.isAlive()).as("platform running; its log: %s", log).isTrue();
			try {
				HttpResponse<String> ready = http.send(request("/actuator/health/readiness").GET().build(),
						HttpResponse.BodyHandlers.ofString());
				if (ready.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			Thread.sleep(500);
		}
		throw new AssertionError("The platform did not become ready within 3 minutes; see " + log);
	}

	private String createFile() throws Exception {
		HttpResponse<String> response = post("/api/v1/records/files?planNumber=32.40&reference=32.40/CRASH"
				+ "&title=Absturztest&department=steuern");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return id(response.body());
	}

	private HttpResponse<String> post(String path) throws IOException {
		try {
			return http.send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	private HttpRequest.Builder request(String path) {
		String credentials = Base64.getEncoder().encodeToString((CLERK + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Basic " + credentials);
	}

	private static String id(String body) {
		Matcher matcher = ID.matcher(body);
		assertThat(matcher.find()).as(body).isTrue();
		return matcher.group(1);
	}

	private Path dataDirectory() {
		return directory.resolve("data").resolve("postgres");
	}

	private Optional<ProcessHandle> postmaster() throws IOException {
		Path pidFile = dataDirectory().resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		List<String> lines = Files.readAllLines(pidFile);
		return lines.isEmpty() ? Optional.empty()
				: ProcessHandle.of(Long.parseLong(lines.getFirst().strip())).filter(ProcessHandle::isAlive);
	}

	private List<ProcessHandle> databaseProcesses() throws IOException {
		List<ProcessHandle> processes = new ArrayList<>();
		postmaster().ifPresent(postmaster -> {
			processes.add(postmaster);
			postmaster.descendants().forEach(processes::add);
		});
		assertThat(processes).as("the embedded PostgreSQL's processes").isNotEmpty();
		return processes;
	}

	/** The superuser reads past row-level security; port and password from the data directory. */
	private Connection superuser() throws Exception {
		List<String> pid = Files.readAllLines(dataDirectory().resolve("postmaster.pid"));
		Properties credentials = new Properties();
		try (Reader reader = Files.newBufferedReader(dataDirectory().resolve("openrathaus-credentials.properties"))) {
			credentials.load(reader);
		}
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pid.get(3).strip() + "/openrathaus",
				"postgres", credentials.getProperty("superuser"));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
