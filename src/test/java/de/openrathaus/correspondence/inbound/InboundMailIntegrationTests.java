// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;

import de.openrathaus.TestAccounts;
import de.openrathaus.tenancy.TenantContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Replies by mail against a real IMAP server (GreenMail): a reply to a case's address is filed into
 * that case's e-file and shown to the clerk; a mail read again after a crash is filed once; mail
 * without a known case, or too large, waits in the triage list, where staff file it by reference
 * or discard it with a note; a mailbox that is down loses nothing.
 */
@SpringBootTest(properties = {"openrathaus.inbound.enabled=true", "openrathaus.inbound.host=127.0.0.1", "openrathaus.inbound.port=39143",
		"openrathaus.inbound.protocol=imap", "openrathaus.inbound.username=antwort@stadt.test", "openrathaus.inbound.password=geheim",
		"openrathaus.inbound.address=antwort@stadt.test", "openrathaus.inbound.max-size=200000", "openrathaus.inbound.poll-interval=1h",
		"openrathaus.inbound.municipality=musterstadt"})
@AutoConfigureMockMvc
class InboundMailIntegrationTests {

	@RegisterExtension
	static GreenMailExtension mailbox = new GreenMailExtension(new ServerSetup(39143, "127.0.0.1", ServerSetup.PROTOCOL_IMAP))
		.withConfiguration(GreenMailConfiguration.aConfig().withUser("antwort@stadt.test", "antwort@stadt.test", "geheim"));

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	ReplyAddresses addresses;

	@Autowired
	InboundPoller poller;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aReplyToTheCaseAddressIsFiledInTheCaseOnceAndTheClerkSeesIt() throws Exception {
		MockHttpSession citizen = TestAccounts.signIn(mvc, accounts.citizen("Erika"));
		MockHttpSession clerk = TestAccounts.signIn(mvc, accounts.clerk("Theo", "steuern"));
		String id = submitted(citizen, clerk);
		String replyTo = await().atMost(Duration.ofSeconds(15))
			.until(() -> TenantContext.callAs(accounts.tenant(), () -> addresses.of(UUID.fromString(id))), java.util.Optional::isPresent).get();
		assertThat(replyTo).startsWith("antwort+").endsWith("@stadt.test").doesNotContain(reference(id));

		String messageId = deliver(replyTo, "AW: Ihre Rückfrage", "Anbei der Impfpass.", "impfpass.pdf", 1000);
		assertThat(poller.pollNow()).isEqualTo(1);

		await().atMost(Duration.ofSeconds(15)).until(() -> replyDocuments(id) == 1);
		mvc.perform(get("/backoffice/faelle/" + id).session(clerk)).andExpect(status().isOk())
			.andExpect(content().string(containsString("E-Mail (Eingang)"))).andExpect(content().string(containsString("AW: Ihre Rückfrage")));

		// read again, as after a crash between the database commit and marking it read: kept and filed once
		markUnread(messageId);
		poller.pollNow();
		assertThat(count("select count(*) from correspondence.inbound_message where message_key = ?", messageId)).isOne();
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> replyDocuments(id) == 1);
	}

	@Test
	void mailWithoutAKnownCaseOrTooLargeWaitsInTriageWhereStaffFileOrDiscardIt() throws Exception {
		MockHttpSession citizen = TestAccounts.signIn(mvc, accounts.citizen("Karl"));
		MockHttpSession clerk = TestAccounts.signIn(mvc, accounts.clerk("Tina", "steuern"));
		String id = submitted(citizen, clerk);
		await().atMost(Duration.ofSeconds(15)).until(() -> TenantContext.callAs(accounts.tenant(), () -> addresses.of(UUID.fromString(id))).isPresent());

		String noCase = deliver("antwort@stadt.test", "Frage ohne Aktenzeichen " + UUID.randomUUID(), "Wann kommt mein Bescheid?", null, 0);
		String unknown = deliver("antwort+musterstadt." + "0".repeat(32) + "@stadt.test", "Unbekannt " + UUID.randomUUID(), "Hallo", null, 0);
		String large = deliver(addresses.of(UUID.fromString(id)).map(a -> a).orElseGet(() -> TenantContext.callAs(accounts.tenant(),
				() -> addresses.of(UUID.fromString(id)).orElseThrow())), "Groß " + UUID.randomUUID(), "Viele Fotos", "fotos.pdf", 300_000);
		poller.pollNow();

		assertThat(statusOf(noCase)).isEqualTo("TRIAGE");
		assertThat(statusOf(unknown)).isEqualTo("TRIAGE");
		assertThat(statusOf(large)).isEqualTo("TRIAGE");
		assertThat(reasonOf(large)).contains("Zu groß");
		assertThat(stillInMailbox(large)).as("a mail too large to keep stays in the city's mailbox").isTrue();

		mvc.perform(get("/backoffice/posteingang").session(citizen)).andExpect(status().isForbidden());
		mvc.perform(get("/backoffice/posteingang").session(clerk)).andExpect(status().isOk())
			.andExpect(content().string(containsString("An keine Antwortadresse eines Falls gerichtet")));

		UUID noCaseId = idOf(noCase);
		mvc.perform(post("/backoffice/posteingang/" + noCaseId + "/zuordnen").param("aktenzeichen", "GIBT-ES-NICHT").session(clerk).with(csrf()));
		assertThat(statusOf(noCase)).isEqualTo("TRIAGE");
		mvc.perform(post("/backoffice/posteingang/" + noCaseId + "/zuordnen").param("aktenzeichen", reference(id)).session(clerk).with(csrf()));
		assertThat(statusOf(noCase)).isEqualTo("FILED");
		await().atMost(Duration.ofSeconds(15)).until(() -> replyDocuments(id) == 1);

		UUID unknownId = idOf(unknown);
		mvc.perform(post("/backoffice/posteingang/" + unknownId + "/verwerfen").param("vermerk", " ").session(clerk).with(csrf()));
		assertThat(statusOf(unknown)).isEqualTo("TRIAGE");
		mvc.perform(post("/backoffice/posteingang/" + unknownId + "/verwerfen").param("vermerk", "Werbung").session(clerk).with(csrf()));
		assertThat(statusOf(unknown)).isEqualTo("DISCARDED");

		// only the headers of the large mail are kept: it cannot be filed from here
		mvc.perform(post("/backoffice/posteingang/" + idOf(large) + "/zuordnen").param("aktenzeichen", reference(id)).session(clerk).with(csrf()));
		assertThat(statusOf(large)).isEqualTo("TRIAGE");
	}

	@Test
	void aMailboxThatIsDownLosesNothing() throws Exception {
		String subject = "Später " + UUID.randomUUID();
		String messageId = deliver("antwort@stadt.test", subject, "Hallo", null, 0);
		mailbox.stop();
		try {
			assertThat(poller.pollNow()).isZero();
		}
		finally {
			mailbox.start();
			mailbox.setUser("antwort@stadt.test", "antwort@stadt.test", "geheim");
		}
		assertThat(count("select count(*) from correspondence.inbound_message where message_key = ?", messageId)).isZero();
	}

	private String deliver(String to, String subject, String text, String attachment, int attachmentSize) throws Exception {
		MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
		mail.setFrom(new InternetAddress("erika@example.org"));
		mail.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
		mail.setSubject(subject, StandardCharsets.UTF_8.name());
		MimeMultipart parts = new MimeMultipart();
		MimeBodyPart body = new MimeBodyPart();
		body.setText(text, StandardCharsets.UTF_8.name());
		parts.addBodyPart(body);
		if (attachment != null) {
			MimeBodyPart file = new MimeBodyPart();
			byte[] bytes = new byte[attachmentSize];
			new java.util.Random(7).nextBytes(bytes);
			file.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(bytes, "application/pdf")));
			file.setFileName(attachment);
			parts.addBodyPart(file);
		}
		mail.setContent(parts);
		mail.saveChanges();
		String messageId = mail.getMessageID();
		// the city's mail server delivers sub-addresses (antwort+…@) into the mailbox of antwort@
		GreenMailUser user = mailbox.getUserManager().getUser("antwort@stadt.test");
		user.deliver(mail);
		return messageId;
	}

	private void markUnread(String messageId) throws Exception {
		withInbox(inbox -> {
			for (Message message : inbox.getMessages()) {
				if (messageId.equals(message.getHeader("Message-ID")[0])) {
					message.setFlag(Flags.Flag.SEEN, false);
				}
			}
			return null;
		});
	}

	private boolean stillInMailbox(String messageId) throws Exception {
		return withInbox(inbox -> {
			for (Message message : inbox.getMessages()) {
				if (messageId.equals(message.getHeader("Message-ID")[0])) {
					return true;
				}
			}
			return false;
		});
	}

	private interface InboxWork<T> {
		T apply(Folder inbox) throws Exception;
	}

	private <T> T withInbox(InboxWork<T> work) throws Exception {
		try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
			store.connect("127.0.0.1", 39143, "antwort@stadt.test", "geheim");
			Folder inbox = store.getFolder("INBOX");
			inbox.open(Folder.READ_WRITE);
			try {
				return work.apply(inbox);
			}
			finally {
				inbox.close(false);
			}
		}
	}

	private String submitted(MockHttpSession citizen, MockHttpSession clerk) throws Exception {
		return de.openrathaus.DogRegistrations.submittedAndTaken(mvc, citizen, clerk, "Erika", "276098765432101");
	}

	private String reference(String application) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select reference from procedure.application where id = ?::uuid")
			.param(application).query(String.class).single());
	}

	private int replyDocuments(String application) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("""
				select count(*) from records.document d join records.document_version v on v.document_id = d.id
				  join records.record_case c on c.id = d.case_id
				 where c.source = ? and v.metadata ->> 'source' like 'reply:%'""")
			.param("application:" + application).query(Integer.class).single());
	}

	private String statusOf(String messageId) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select status from correspondence.inbound_message where message_key = ?")
			.param(messageId).query(String.class).single());
	}

	private String reasonOf(String messageId) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select reason from correspondence.inbound_message where message_key = ?")
			.param(messageId).query(String.class).single());
	}

	private UUID idOf(String messageId) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select id from correspondence.inbound_message where message_key = ?")
			.param(messageId).query(UUID.class).single());
	}

	private int count(String sql, Object... params) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql(sql).params(params).query(Integer.class).single());
	}
}
