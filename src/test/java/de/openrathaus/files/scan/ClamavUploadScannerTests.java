// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.files.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import de.openrathaus.files.ScanVerdict;
import de.openrathaus.files.Sha256;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * The malware check against a real clamd (the one {@code .ci/run} starts, named by {@code OPENRATHAUS_CLAMD=host:port},
 * or one this test starts from Debian's clamav-daemon with a signature database holding only the EICAR test file):
 * EICAR is refused and quarantined, clean content passes. Locally without clamd the real-daemon tests are skipped
 * with a message; under CI=true they fail instead. An in-process fake clamd adds what a real one will not do on
 * request: hang, answer an error, or be absent.
 */
class ClamavUploadScannerTests {

	private static final byte[] EICAR = TestClamd.EICAR;

	@TempDir
	Path quarantine;

	private static TestClamd.Endpoint clamd;

	@BeforeAll
	static void reachClamd() {
		clamd = TestClamd.endpoint();
	}

	private ClamavUploadScanner scanner(String host, int port, Duration timeout) {
		return new ClamavUploadScanner(new ScannerSettings(true, host, port, null, Duration.ofSeconds(2), timeout, DataSize.ofBytes(16),
				DataSize.ofMegabytes(25), quarantine));
	}

	@Test
	void theRealClamdFindsEicarWhichIsRefusedAndQuarantinedWhileCleanContentPasses() throws IOException {
		TestClamd.require();
		ClamavUploadScanner scanner = scanner(clamd.host(), clamd.port(), Duration.ofSeconds(30));
		byte[] clean = "Ein harmloser Nachweis, länger als ein Stück von 16 Bytes.".getBytes(StandardCharsets.UTF_8);

		assertThat(scanner.scan(clean, "test").outcome()).isEqualTo(ScanVerdict.Outcome.CLEAN);
		ScanVerdict verdict = scanner.scan(EICAR, "test");
		assertThat(verdict.outcome()).isEqualTo(ScanVerdict.Outcome.INFECTED);
		assertThat(verdict.accepted()).isFalse();
		assertThat(verdict.signature()).containsIgnoringCase("eicar");
		assertThat(Files.readAllBytes(quarantine.resolve(Sha256.hex(EICAR) + ".quarantined"))).isEqualTo(EICAR);
		scanner.destroy();
	}

	@Test
	void offByDefaultTheUploadIsTakenUncheckedAndTheStatusSaysSo() {
		ClamavUploadScanner off = new ClamavUploadScanner(new ScannerSettings(false, null, 0, null, null, null, null, null, quarantine));
		assertThat(off.scan(EICAR, "test")).isEqualTo(ScanVerdict.notScanned());
		assertThat(off.status().enabled()).isFalse();
	}

	@Test
	void aFakeClamdReceivesTheContentInChunksEndedByAZeroLength() throws Exception {
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			CompletableFuture<List<Integer>> chunks = CompletableFuture.supplyAsync(() -> answer(server, "stream: OK\0"));
			byte[] content = new byte[40];
			assertThat(scanner("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(5)).scan(content, "test")).isEqualTo(ScanVerdict.clean());
			assertThat(chunks.get(5, TimeUnit.SECONDS)).containsExactly(16, 16, 8, 0);
		}
	}

	@Test
	void aScannerThatErrsHangsOrIsAbsentNeverPassesAFile() throws Exception {
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			CompletableFuture.runAsync(() -> answer(server, "INSTREAM size limit exceeded. ERROR\0"));
			assertThat(scanner("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(5)).scan(new byte[40], "test")).isEqualTo(ScanVerdict.failed());
		}
		try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			CompletableFuture.runAsync(() -> answer(silent, null));
			long started = System.nanoTime();
			assertThat(scanner("127.0.0.1", silent.getLocalPort(), Duration.ofMillis(500)).scan(new byte[40], "test")).isEqualTo(ScanVerdict.failed());
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		}
		int closed;
		try (ServerSocket gone = new ServerSocket(0)) {
			closed = gone.getLocalPort();
		}
		assertThat(scanner("127.0.0.1", closed, Duration.ofSeconds(1)).scan(new byte[40], "test")).isEqualTo(ScanVerdict.failed());
		ClamavUploadScanner limited = new ClamavUploadScanner(new ScannerSettings(true, "127.0.0.1", closed, null, null, null, null,
				DataSize.ofBytes(10), quarantine));
		assertThat(limited.scan(new byte[11], "test")).isEqualTo(ScanVerdict.failed());
	}

	/** Reads one zINSTREAM request and answers it (or, with no reply, waits until the client gives up). */
	private static List<Integer> answer(ServerSocket server, String reply) {
		try (Socket client = server.accept()) {
			DataInputStream in = new DataInputStream(client.getInputStream());
			byte[] command = new byte["zINSTREAM\0".length()];
			in.readFully(command);
			assertThat(new String(command, StandardCharsets.US_ASCII)).isEqualTo("zINSTREAM\0");
			List<Integer> lengths = new ArrayList<>();
			int length;
			do {
				length = in.readInt();
				lengths.add(length);
				in.readFully(new byte[length]);
			}
			while (length > 0);
			if (reply == null) {
				in.read(); // until the client closes
				return lengths;
			}
			OutputStream out = client.getOutputStream();
			out.write(reply.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			return lengths;
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
