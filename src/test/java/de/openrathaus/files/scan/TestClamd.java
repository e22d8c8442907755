// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.files.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real clamd for the tests: the one {@code .ci/run} starts ({@code OPENRATHAUS_CLAMD=host:port}), or else one
 * started here once per test run from Debian's clamav-daemon, with a signature database holding only the EICAR test
 * file (no internet for freshclam here; production keeps freshclam's databases). Without clamd the tests that need it
 * are skipped with a message, except under CI=true, where they fail.
 */
public final class TestClamd {

	/** The EICAR anti-virus test file (68 bytes), harmless by design, found by every scanner. */
	public static final byte[] EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*".getBytes(StandardCharsets.US_ASCII);

	public record Endpoint(String host, int port) {
	}

	private static Endpoint endpoint;
	private static String missing;

	private TestClamd() {
	}

	/** Where clamd listens; when none could be had, a closed port (and {@link #require()} skips or fails). */
	public static synchronized Endpoint endpoint() {
		if (endpoint == null) {
			try {
				endpoint = reach();
			}
			catch (IOException | InterruptedException e) {
				missing = "clamd could not be started: " + e.getMessage();
				endpoint = new Endpoint("127.0.0.1", 1);
			}
		}
		return endpoint;
	}

	/** Skips the calling test locally when there is no clamd; under CI=true fails it. */
	public static void require() {
		endpoint();
		if (missing != null) {
			assertThat(System.getenv("CI")).as("CI must test against a real clamd: " + missing).isNotEqualTo("true");
			System.err.println("SKIPPED a test against a real clamd: " + missing);
		}
		assumeThat(missing).as(missing).isNull();
	}

	private static Endpoint reach() throws IOException, InterruptedException {
		String configured = System.getenv("OPENRATHAUS_CLAMD");
		if (configured != null && !configured.isBlank()) {
			int colon = configured.lastIndexOf(':');
			return new Endpoint(configured.substring(0, colon), Integer.parseInt(configured.substring(colon + 1)));
		}
		Path binary = Path.of("/usr/sbin/clamd");
		Path sigtool = Path.of("/usr/bin/sigtool");
		if (!Files.isExecutable(binary) || !Files.isExecutable(sigtool)) {
			missing = "no clamd (install Debian's clamav-daemon, or set OPENRATHAUS_CLAMD=host:port)";
			return new Endpoint("127.0.0.1", 1);
		}
		Path work = Files.createTempDirectory("clamd-test");
		Path database = Files.createDirectories(work.resolve("db"));
		Path eicar = Files.write(work.resolve("eicar.com"), EICAR);
		Process hash = new ProcessBuilder(sigtool.toString(), "--md5", eicar.toString()).redirectErrorStream(true).start();
		String signature = new String(hash.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
		if (!hash.waitFor(30, TimeUnit.SECONDS) || !signature.endsWith(":eicar.com")) {
			throw new IOException("sigtool answered " + signature);
		}
		// sigtool names the signature after the file (md5:size:name)
		Files.writeString(database.resolve("test.hdb"), signature.replace(":eicar.com", ":Eicar-Test-Signature") + "\n");
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		Path config = Files.writeString(work.resolve("clamd.conf"), String.join("\n", "Foreground yes", "TCPSocket " + port,
				"TCPAddr 127.0.0.1", "DatabaseDirectory " + database, "LogFile " + work.resolve("clamd.log"), "StreamMaxLength 30M", ""));
		Process clamd = new ProcessBuilder(binary.toString(), "--config-file=" + config).redirectErrorStream(true)
			.redirectOutput(work.resolve("clamd.out").toFile()).start();
		Runtime.getRuntime().addShutdownHook(new Thread(clamd::destroy));
		long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < until && clamd.isAlive()) {
			try (Socket probe = new Socket("127.0.0.1", port)) {
				return new Endpoint("127.0.0.1", port);
			}
			catch (IOException notYet) {
				clamd.waitFor(200, TimeUnit.MILLISECONDS);
			}
		}
		clamd.destroy();
		missing = "clamd did not start: " + Files.readString(work.resolve("clamd.out"));
		return new Endpoint("127.0.0.1", 1);
	}
}
