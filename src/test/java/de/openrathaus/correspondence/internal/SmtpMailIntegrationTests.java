// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import de.openrathaus.TestAccounts;
import de.openrathaus.account.AccountId;
import de.openrathaus.account.VerificationRequested;
import de.openrathaus.tenancy.TenantContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Mail over a real SMTP server (GreenMail): delivered once, and kept and retried while the server is away. */
@SpringBootTest(properties = {"openrathaus.mail.mode=smtp", "spring.mail.host=127.0.0.1", "spring.mail.port=39025",
		"openrathaus.mail.send-interval=300ms"})
class SmtpMailIntegrationTests {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(39025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OutboxSender sender;

	@Test
	void theConfirmationLinkArrivesExactlyOnce() throws Exception {
		String anna = "anna-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		TenantContext.runAs(accounts.tenant(), () -> transactions.executeWithoutResult(status -> events.publishEvent(
				new VerificationRequested(accounts.tenant(), AccountId.random(), anna,
						"http://localhost/konto/bestaetigen?token=abc123", Instant.parse("2026-11-26T10:00:00Z")))));
		await().atMost(Duration.ofSeconds(15)).until(() -> smtp.getReceivedMessagesForDomain(anna).length == 1);
		Thread.sleep(1000);
		MimeMessage[] received = smtp.getReceivedMessagesForDomain(anna);
		assertThat(received).hasSize(1);
		assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo(anna);
		assertThat(received[0].getSubject()).contains("Bitte bestätigen Sie Ihre E-Mail-Adresse");
		String body = GreenMailUtil.getBody(received[0]);
		assertThat(body).contains("Guten Tag,").contains("26.11.2026, 11:00");
	}

	@Test
	void aMailWaitsWhileTheServerIsDownAndGoesOutOnceItIsBack() throws Exception {
		smtp.stop();
		String id = TenantContext.callAs(accounts.tenant(), () -> transactions.execute(status ->
				jdbc.sql("insert into correspondence.outgoing_mail(id, recipient, subject, body) values (gen_random_uuid(), ?, ?, ?) returning id::text")
					.params("bernd@example.org", "Test", "Hallo").query(String.class).single()));
		await().atMost(Duration.ofSeconds(15)).until(() -> attempts(id) >= 1);
		assertThat(status(id)).isEqualTo("PENDING");
		smtp.start();
		TenantContext.runAs(accounts.tenant(), () -> jdbc.sql("update correspondence.outgoing_mail set next_attempt_at = now() where id = ?::uuid")
			.param(id).update());
		await().atMost(Duration.ofSeconds(15)).until(() -> "SENT".equals(status(id)));
		assertThat(smtp.getReceivedMessagesForDomain("bernd@example.org")).hasSize(1);
	}

	@Test
	void aMailSentAgainAfterACrashCarriesTheSameMessageId() throws Exception {
		String id = TenantContext.callAs(accounts.tenant(), () -> transactions.execute(status ->
				jdbc.sql("insert into correspondence.outgoing_mail(id, recipient, subject, body) values (gen_random_uuid(), ?, ?, ?) returning id::text")
					.params("carla@example.org", "Test", "Hallo").query(String.class).single()));
		await().atMost(Duration.ofSeconds(15)).until(() -> "SENT".equals(status(id)));
		// what a crash between delivery and marking leaves behind: the mail still PENDING, sent again
		TenantContext.runAs(accounts.tenant(), () -> jdbc.sql(
				"update correspondence.outgoing_mail set status = 'PENDING', next_attempt_at = now() where id = ?::uuid").param(id).update());
		await().atMost(Duration.ofSeconds(15)).until(() -> smtp.getReceivedMessagesForDomain("carla@example.org").length == 2);
		MimeMessage[] received = smtp.getReceivedMessagesForDomain("carla@example.org");
		assertThat(received[0].getMessageID()).isEqualTo("<" + id + "@openrathaus.localhost>");
		assertThat(received[1].getMessageID()).isEqualTo(received[0].getMessageID());
	}

	private int attempts(String id) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select attempts from correspondence.outgoing_mail where id = ?::uuid")
			.param(id).query(Integer.class).single());
	}

	private String status(String id) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select status from correspondence.outgoing_mail where id = ?::uuid")
			.param(id).query(String.class).single());
	}
}
