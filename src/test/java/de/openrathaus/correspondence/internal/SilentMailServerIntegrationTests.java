// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import de.openrathaus.TestAccounts;
import de.openrathaus.tenancy.TenantContext;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A mail server that accepts the connection and then never says a word (a real socket, not a mock):
 * the delivery gives up after the read timeout, the mail is kept for a later attempt, and while the
 * sender waits on the server no database lock or transaction holds the mail.
 */
@SpringBootTest(properties = {"openrathaus.mail.mode=smtp", "spring.mail.host=127.0.0.1", "openrathaus.mail.send-interval=200ms",
		"openrathaus.mail.connect-timeout=1s", "openrathaus.mail.read-timeout=3s", "openrathaus.mail.write-timeout=3s"})
class SilentMailServerIntegrationTests {

	static final ServerSocket server;
	static final List<Socket> accepted = new CopyOnWriteArrayList<>();
	static volatile CountDownLatch connected = new CountDownLatch(1);

	static {
		try {
			server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		Thread acceptor = new Thread(() -> {
			while (!server.isClosed()) {
				try {
					accepted.add(server.accept()); // and never answer
					connected.countDown();
				}
				catch (IOException e) {
					return;
				}
			}
		}, "silent-smtp");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	@DynamicPropertySource
	static void smtpPort(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", server::getLocalPort);
	}

	@AfterAll
	static void close() throws IOException {
		server.close();
		for (Socket socket : accepted) {
			socket.close();
		}
	}

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aServerThatNeverAnswersCostsEachMailItsTimeoutAndHoldsNoLock() throws Exception {
		connected = new CountDownLatch(1);
		String first = enqueue("carla@example.org");
		String second = enqueue("dora@example.org");

		assertThat(connected.await(15, TimeUnit.SECONDS)).as("the sender connected to the silent server").isTrue();
		long waitingSince = System.nanoTime();
		// the sender now waits for the server's greeting: both mails can be locked and changed by anyone else
		int locked = TenantContext.callAs(accounts.tenant(), () -> transactions.execute(status -> jdbc.sql(
				"select count(*) from (select id from correspondence.outgoing_mail where id in (?::uuid, ?::uuid) for update nowait) l")
			.params(first, second).query(Integer.class).single()));
		assertThat(locked).isEqualTo(2);

		await().atMost(Duration.ofSeconds(20)).until(() -> attempts(first) >= 1 && attempts(second) >= 1);
		assertThat(Duration.ofNanos(System.nanoTime() - waitingSince)).isLessThan(Duration.ofSeconds(15));
		for (String id : List.of(first, second)) {
			var row = TenantContext.callAs(accounts.tenant(), () -> jdbc.sql(
					"select status, last_error, next_attempt_at > now() as later from correspondence.outgoing_mail where id = ?::uuid")
				.param(id).query().singleRow());
			assertThat(row.get("status")).isEqualTo("PENDING");
			assertThat(row.get("later")).isEqualTo(true);
			assertThat((String) row.get("last_error")).isNotBlank();
		}
	}

	private String enqueue(String recipient) {
		return TenantContext.callAs(accounts.tenant(), () -> transactions.execute(status -> jdbc.sql(
				"insert into correspondence.outgoing_mail(id, recipient, subject, body) values (gen_random_uuid(), ?, 'Test', 'Hallo') returning id::text")
			.param(recipient).query(String.class).single()));
	}

	private int attempts(String id) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select attempts from correspondence.outgoing_mail where id = ?::uuid")
			.param(id).query(Integer.class).single());
	}
}
