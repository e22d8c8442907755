// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.files.scan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import de.openrathaus.files.ScanVerdict;

import org.jspecify.annotations.Nullable;

/**
 * A small client of clamd's {@code zINSTREAM} command: the content goes in chunks, each preceded by its
 * length as four bytes in network order, a zero length ends it; clamd answers {@code stream: OK} or
 * {@code stream: <name> FOUND}, anything else is an error. The whole exchange has one deadline: when it
 * passes, the connection is closed under the waiting read, so a hanging clamd never holds an upload.
 */
class ClamdClient implements AutoCloseable {

	private static final int MAX_REPLY = 4096;

	private final @Nullable Path socket;
	private final String host;
	private final int port;
	private final Duration connectTimeout;
	private final Duration timeout;
	private final int chunkSize;
	private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "clamd-deadline");
		thread.setDaemon(true);
		return thread;
	});

	ClamdClient(@Nullable Path socket, String host, int port, Duration connectTimeout, Duration timeout, int chunkSize) {
		if (chunkSize < 1) {
			throw new IllegalArgumentException("chunk size must be positive");
		}
		this.socket = socket;
		this.host = host;
		this.port = port;
		this.connectTimeout = connectTimeout;
		this.timeout = timeout;
		this.chunkSize = chunkSize;
	}

	/** Scans the content; an unreachable, failing or slow clamd is an {@link IOException}, never a verdict. */
	ScanVerdict scan(byte[] content) throws IOException {
		try (Connection connection = connect()) {
			ScheduledFuture<?> deadline = deadlines.schedule(connection::closeQuietly, timeout.toMillis(), TimeUnit.MILLISECONDS);
			try {
				OutputStream out = connection.out();
				out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
				for (int offset = 0; offset < content.length; offset += chunkSize) {
					int length = Math.min(chunkSize, content.length - offset);
					out.write(lengthOf(length));
					out.write(content, offset, length);
				}
				out.write(lengthOf(0));
				out.flush();
				return verdict(reply(connection.in()));
			}
			catch (IOException e) {
				if (deadline.isDone()) {
					throw new IOException("clamd did not answer within " + timeout, e);
				}
				throw e;
			}
			finally {
				deadline.cancel(false);
			}
		}
	}

	static ScanVerdict verdict(String reply) throws IOException {
		String answer = reply.startsWith("stream: ") ? reply.substring("stream: ".length()) : reply;
		if (answer.equals("OK")) {
			return ScanVerdict.clean();
		}
		if (answer.endsWith(" FOUND") && answer.length() > " FOUND".length()) {
			return ScanVerdict.infected(answer.substring(0, answer.length() - " FOUND".length()));
		}
		throw new IOException("clamd answered: " + (reply.length() > 200 ? reply.substring(0, 200) : reply));
	}

	private static byte[] lengthOf(int length) {
		return new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
	}

	/** The reply up to its terminating NUL (z-commands) or the end of the stream. */
	private static String reply(InputStream in) throws IOException {
		ByteArrayOutputStream reply = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) != -1 && b != 0) {
			if (reply.size() >= MAX_REPLY) {
				throw new IOException("clamd's reply is too long");
			}
			reply.write(b);
		}
		return reply.toString(StandardCharsets.US_ASCII).strip();
	}

	private Connection connect() throws IOException {
		if (socket != null) {
			SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
			try {
				channel.connect(UnixDomainSocketAddress.of(socket));
			}
			catch (IOException e) {
				channel.close();
				throw e;
			}
			return new Connection(channel, Channels.newInputStream(channel), Channels.newOutputStream(channel));
		}
		Socket tcp = new Socket();
		try {
			tcp.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
			tcp.setSoTimeout((int) timeout.toMillis());
			return new Connection(tcp, tcp.getInputStream(), tcp.getOutputStream());
		}
		catch (IOException e) {
			tcp.close();
			throw e;
		}
	}

	@Override
	public void close() {
		deadlines.shutdownNow();
	}

	private record Connection(AutoCloseable resource, InputStream in, OutputStream out) implements AutoCloseable {

		void closeQuietly() {
			try {
				resource.close();
			}
			catch (Exception ignored) {
				// the deadline closes a connection that may be closing already
			}
		}

		@Override
		public void close() throws IOException {
			try {
				resource.close();
			}
			catch (IOException e) {
				throw e;
			}
			catch (Exception e) {
				throw new IOException(e);
			}
		}
	}
}
