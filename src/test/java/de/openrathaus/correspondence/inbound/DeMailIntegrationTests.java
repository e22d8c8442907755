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

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import de.openrathaus.TestAccounts;
import de.openrathaus.account.AccountId;
import de.openrathaus.correspondence.delivery.ChannelKind;
import de.openrathaus.correspondence.delivery.DeliveryOutbox;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.Tenants;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * De-Mail against an in-process mail server playing the provider's gateway (GreenMail, SMTP and
 * IMAP). The test plays the provider too: it reads what the platform handed over and checks the
 * dispatch options of BSI TR-01201, then puts confirmations and a citizen's reply into the gateway
 * mailbox with an attestation it makes itself (its own DKIM-style signer, a code path apart from
 * the platform's check, with a provider CA made here). Genuine confirmations move the message to
 * delivered and opened; a reply is filed into its case; a confirmation signed by a CA nobody
 * trusts, a tampered reply and a mail without attestation change nothing and wait in triage.
 */
@SpringBootTest(properties = {"openrathaus.de-mail.enabled=true",
		"openrathaus.de-mail.addresses.musterstadt=poststelle@musterstadt.de-mail.de", "openrathaus.de-mail.smtp-host=127.0.0.1",
		"openrathaus.de-mail.smtp-port=39225", "openrathaus.de-mail.smtp-security=none", "openrathaus.de-mail.imap-host=127.0.0.1",
		"openrathaus.de-mail.imap-port=39243", "openrathaus.de-mail.imap-protocol=imap",
		"openrathaus.de-mail.imap-username=poststelle@musterstadt.de-mail.de", "openrathaus.de-mail.imap-password=geheim",
		"openrathaus.de-mail.poll-interval=1h", "openrathaus.inbound.municipality=musterstadt"})
@AutoConfigureMockMvc
class DeMailIntegrationTests {

	private static final String CITY = "poststelle@musterstadt.de-mail.de";

	@RegisterExtension
	static GreenMailExtension gateway = new GreenMailExtension(new ServerSetup[] {new ServerSetup(39225, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
			new ServerSetup(39243, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)})
		.withConfiguration(GreenMailConfiguration.aConfig().withUser(CITY, CITY, "geheim"));

	static final Provider PROVIDER = new Provider("Test-De-Mail-Anbieter");
	static final Provider STRANGER = new Provider("Niemand Bekanntes");

	@DynamicPropertySource
	static void trust(DynamicPropertyRegistry registry) throws Exception {
		Path anchors = Files.createTempFile("de-mail-anchors", ".pem");
		Files.writeString(anchors, PROVIDER.caPem());
		anchors.toFile().deleteOnExit();
		registry.add("openrathaus.de-mail.trust-anchors", anchors::toString);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	DeliveryOutbox outbox;

	@Autowired
	DeMailInbox inbox;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Tenants tenants;

	@Test
	void aCitizenStoresOnlyADeMailAddressAndAnswersGoThereSenderConfirmedAndPersonal() throws Exception {
		String email = accounts.citizen("Dora");
		MockHttpSession citizen = TestAccounts.signIn(mvc, email);
		mvc.perform(post("/portal/konto/de-mail").param("adresse", "dora@example.org").session(citizen).with(csrf()))
			.andExpect(status().isOk()).andExpect(content().string(containsString("keine De-Mail-Adresse")));
		mvc.perform(post("/portal/konto/de-mail").param("adresse", "a@x.de-mail.de, b@y.de-mail.de").session(citizen).with(csrf()))
			.andExpect(status().isOk()).andExpect(content().string(containsString("genau eine Adresse")));
		assertThat(storedAddress(email)).isNull();
		mvc.perform(post("/portal/konto/de-mail").param("adresse", " Dora.Muster@Example.De-Mail.de ").session(citizen).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(storedAddress(email)).isEqualTo("dora.muster@example.de-mail.de");
		mvc.perform(get("/portal/konto/zustellung").session(citizen)).andExpect(status().isOk());
		mvc.perform(post("/portal/konto/zustellung").param("kanal", "DE_MAIL").session(citizen).with(csrf())).andExpect(status().is3xxRedirection());

		UUID message = answer(email, UUID.randomUUID(), "HUND-2026-DM0001");
		MimeMessage sent = received("dora.muster@example.de-mail.de", 0);
		assertThat(sent.getHeader("X-de-mail-authoritative", null)).isEqualTo("yes");
		assertThat(sent.getHeader("X-de-mail-private", null)).isEqualTo("yes");
		assertThat(sent.getHeader("X-de-mail-confirmation-of-dispatch", null)).isEqualTo("yes");
		assertThat(sent.getHeader("X-de-mail-confirmation-of-receipt", null)).isEqualTo("yes");
		assertThat(sent.getHeader("X-de-mail-confirmation-of-retrieve", null)).isEqualTo("yes");
		assertThat(sent.getHeader("X-de-mail-private-id", null)).isEqualTo("openrathaus:" + slug() + ":" + message);
		assertThat(sent.getMessageID()).isEqualTo("<" + message + "@musterstadt.de-mail.de>");
		assertThat(sent.getFrom()[0].toString()).isEqualTo(CITY);
		assertThat(sent.getContentType()).startsWith("multipart/signed");
		await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(deliveryStatus(message)));
	}

	@Test
	void genuineConfirmationsMoveTheMessageOnAndForgedOnesChangeNothing() throws Exception {
		String email = accounts.citizen("Dieter");
		UUID message = deMailAnswer(email, "dieter@example.de-mail.de", UUID.randomUUID(), "HUND-2026-DM0002");
		String privateId = "openrathaus:" + slug() + ":" + message;

		gatewayDelivers(PROVIDER.sign(confirmation("confirmation of receipt", privateId, "dieter@example.de-mail.de")));
		inbox.pollNow();
		assertThat(deliveryStatus(message)).isEqualTo("DELIVERED");
		assertThat(count("select count(*) from correspondence.inbound_message where status = 'RECEIPT' and reason = 'confirmation of receipt' "
				+ "and channel = 'DE_MAIL' and attestation like '%absenderbestätigt%'")).isPositive();

		String forged = STRANGER.sign(confirmation("confirmation of retrieve", privateId, "dieter@example.de-mail.de"));
		gatewayDelivers(forged);
		inbox.pollNow();
		assertThat(deliveryStatus(message)).as("a confirmation signed by a CA nobody configured").isEqualTo("DELIVERED");
		assertThat(reasonOf(messageIdOf(forged))).contains("nicht von einem vertrauenswürdigen De-Mail-Anbieter");

		String unsigned = PROVIDER.hashOnly(confirmation("confirmation of retrieve", privateId, "dieter@example.de-mail.de"));
		gatewayDelivers(unsigned);
		inbox.pollNow();
		assertThat(deliveryStatus(message)).as("a confirmation the provider did not sign").isEqualTo("DELIVERED");
		assertThat(reasonOf(messageIdOf(unsigned))).contains("ohne Signatur");

		gatewayDelivers(PROVIDER.sign(confirmation("confirmation of retrieve", privateId, "dieter@example.de-mail.de")));
		inbox.pollNow();
		assertThat(deliveryStatus(message)).isEqualTo("OPENED");
	}

	@Test
	void anUnknownRecipientReportedByTheGatewayFallsBackToALetter() throws Exception {
		String email = accounts.citizen("Dana");
		UUID message = deMailAnswer(email, "dana@example.de-mail.de", UUID.randomUUID(), "HUND-2026-DM0003");
		String notification = PROVIDER.sign(List.of("From: postmaster@provider.de-mail.de", "To: " + CITY, "Subject: Unbekannter Empfänger",
				"Date: " + date(), "Message-ID: <" + UUID.randomUUID() + "@provider.test>", "MIME-Version: 1.0",
				"Content-Type: text/plain; charset=UTF-8", "X-de-mail-sender: postmaster@provider.de-mail.de", "X-de-mail-chosen-recipient: to=" + CITY,
				"X-de-mail-message-type: notification", "X-de-mail-notification-type: unknown-recipient",
				"X-de-mail-message-id: " + UUID.randomUUID(), "X-de-mail-originator-provider: gateway.provider.test",
				"X-de-mail-private-id: openrathaus:" + slug() + ":" + message, "X-de-mail-version: 1.7"), "Der Empfänger ist unbekannt.\r\n");
		gatewayDelivers(notification);
		inbox.pollNow();
		assertThat(deliveryStatus(message)).isEqualTo("FAILED");
		assertThat(count("select count(*) from correspondence.delivery where fallback_of = '" + message + "' and channel = 'LETTER'")).isOne();
	}

	@Test
	void aDeMailReplyIsFiledIntoItsCaseAndATamperedOrPlainOneWaitsInTriage() throws Exception {
		String email = accounts.citizen("Doris");
		MockHttpSession citizen = TestAccounts.signIn(mvc, email);
		MockHttpSession clerk = TestAccounts.signIn(mvc, accounts.clerk("Till", "steuern"));
		String id = submitted(citizen, clerk);
		String reference = TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select reference from procedure.application where id = ?::uuid")
			.param(id).query(String.class).single());
		UUID message = deMailAnswer(email, "doris@example.de-mail.de", UUID.fromString(id), reference);

		List<String> headers = reply("doris@example.de-mail.de", "AW: Ihre Rückfrage " + reference, message);
		String genuine = PROVIDER.sign(headers, "Anbei die Antwort auf Ihre Rückfrage.\r\n");
		String tampered = genuine.replace("Message-ID: <", "Message-ID: <x").replace("AW: Ihre Rückfrage", "AW: Ihre Frage");
		String plain = String.join("\r\n", reply("doris@example.de-mail.de", "Ohne Nachweis", message).stream()
			.filter(h -> !h.startsWith("X-de-mail")).toList()) + "\r\n\r\nHallo\r\n";
		gatewayDelivers(genuine);
		gatewayDelivers(tampered);
		gatewayDelivers(plain);
		assertThat(inbox.pollNow()).isEqualTo(3);

		assertThat(statusOf(messageIdOf(genuine))).isEqualTo("FILED");
		assertThat(statusOf(messageIdOf(tampered))).isEqualTo("TRIAGE");
		assertThat(reasonOf(messageIdOf(tampered))).contains("Signatur ungültig");
		assertThat(statusOf(messageIdOf(plain))).isEqualTo("TRIAGE");
		assertThat(reasonOf(messageIdOf(plain))).contains("Nachweis des Anbieters fehlt");
		await().atMost(Duration.ofSeconds(15)).until(() -> replyDocuments(id) == 1);
		mvc.perform(get("/backoffice/faelle/" + id).session(clerk)).andExpect(status().isOk())
			.andExpect(content().string(containsString("De-Mail (Eingang)")))
			.andExpect(content().string(containsString("De-Mail von doris@example.de-mail.de, bestätigt durch gateway.provider.test")));

		// read again after a crash between keeping and marking it read: kept once
		int before = count("select count(*) from correspondence.inbound_message where channel = 'DE_MAIL'");
		gatewayDelivers(genuine);
		inbox.pollNow();
		assertThat(count("select count(*) from correspondence.inbound_message where channel = 'DE_MAIL'")).isEqualTo(before);
	}

	private List<String> reply(String from, String subject, UUID answered) {
		return new ArrayList<>(List.of("From: " + from, "To: " + CITY, "Subject: " + subject, "Date: " + date(),
				"Message-ID: <" + UUID.randomUUID() + "@provider.test>", "In-Reply-To: <" + answered + "@musterstadt.de-mail.de>",
				"MIME-Version: 1.0", "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: 8bit", "X-de-mail-sender: " + from,
				"X-de-mail-chosen-recipient: to=" + CITY, "X-de-mail-actual-recipient: to=" + CITY, "X-de-mail-message-type: normal",
				"X-de-mail-message-id: " + UUID.randomUUID(), "X-de-mail-originator-provider: gateway.provider.test",
				"X-de-mail-authoritative: no", "X-de-mail-private: no", "X-de-mail-auth-level: normal", "X-de-mail-version: 1.7",
				"X-de-mail-account-holder: Doris Muster"));
	}

	private List<String> confirmation(String type, String privateId, String recipient) {
		return List.of("From: bestaetigung@provider.de-mail.de", "To: " + CITY, "Subject: *Bestätigung* Ihre Nachricht", "Date: " + date(),
				"Message-ID: <" + UUID.randomUUID() + "@provider.test>", "MIME-Version: 1.0", "Content-Type: text/plain; charset=UTF-8",
				"Content-Transfer-Encoding: 8bit", "X-de-mail-sender: bestaetigung@provider.de-mail.de", "X-de-mail-chosen-recipient: to=" + CITY,
				"X-de-mail-message-type: " + type, "X-de-mail-message-id: " + UUID.randomUUID(),
				"X-de-mail-originator-provider: gateway.provider.test", "X-de-mail-authoritative: yes", "X-de-mail-private-id: " + privateId,
				"X-de-mail-version: 1.7", "X-de-mail-actual-recipient: to=" + recipient);
	}

	/** A message with the attestation a provider puts on it: DKIM-style, simple/simple, certificate in the header. */
	static final class Provider {

		private static final String COVERED = "From:Date:Message-ID:Subject:Reply-To:X-de-mail-authoritative:X-de-mail-private:"
				+ "X-de-mail-sender:X-de-mail-chosen-recipient:X-de-mail-originator-provider:X-de-mail-message-type:X-de-mail-version:"
				+ "X-de-mail-private-id:X-de-mail-message-id:X-de-mail-account-holder:X-de-mail-notification-type";

		private final X509Certificate ca;
		private final X509Certificate signer;
		private final KeyPair signerKeys;

		Provider(String name) {
			try {
				KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
				generator.initialize(2048);
				KeyPair caKeys = generator.generateKeyPair();
				signerKeys = generator.generateKeyPair();
				Instant now = Instant.now();
				X500Name caName = new X500Name("CN=" + name + " CA, O=" + name);
				ca = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(caName, BigInteger.ONE,
						Date.from(now.minusSeconds(3600)), Date.from(now.plus(Duration.ofDays(365))), caName, caKeys.getPublic())
					.addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
					.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
					.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate())));
				signer = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(caName, BigInteger.TWO,
						Date.from(now.minusSeconds(3600)), Date.from(now.plus(Duration.ofDays(365))), new X500Name("CN=" + name + " DMDA, O=" + name),
						signerKeys.getPublic())
					.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
					.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate())));
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}

		String caPem() throws Exception {
			return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(ca.getEncoded())
					+ "\n-----END CERTIFICATE-----\n";
		}

		String sign(List<String> headers) throws Exception {
			return sign(headers, "Hiermit wird bestätigt, dass die Nachricht zugestellt wurde.\r\n");
		}

		String sign(List<String> headers, String body) throws Exception {
			return attest(headers, body, true);
		}

		String hashOnly(List<String> headers) throws Exception {
			return attest(headers, "Hiermit wird bestätigt.\r\n", false);
		}

		private String attest(List<String> headers, String body, boolean signed) throws Exception {
			List<String> all = new ArrayList<>(headers);
			if (signed) {
				String der = Base64.getEncoder().encodeToString(signer.getEncoded());
				StringBuilder folded = new StringBuilder("X-de-mail-signature-certificate:");
				for (int i = 0; i < der.length(); i += 72) {
					folded.append("\r\n ").append(der, i, Math.min(der.length(), i + 72));
				}
				all.add(folded.toString());
			}
			byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
			String bh = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bodyBytes));
			String integrity = "X-de-mail-integrity: v=1; a=" + (signed ? "sha256/rsa" : "sha256") + "; c=simple/simple;"
					+ (signed ? " q=x-header/x-de-mail-signature-certificate;" : "") + "\r\n\th=" + COVERED + ";\r\n\tbh=" + bh + "; b=";
			StringBuilder data = new StringBuilder();
			for (String name : COVERED.split(":")) {
				all.stream().filter(h -> h.regionMatches(true, 0, name + ":", 0, name.length() + 1)).findFirst()
					.ifPresent(h -> data.append(h).append("\r\n"));
			}
			data.append(integrity);
			byte[] input = data.toString().getBytes(StandardCharsets.UTF_8);
			String value;
			if (signed) {
				Signature rsa = Signature.getInstance("SHA256withRSA");
				rsa.initSign(signerKeys.getPrivate());
				rsa.update(input);
				value = Base64.getEncoder().encodeToString(rsa.sign());
			}
			else {
				value = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(input));
			}
			all.add(integrity + value);
			return String.join("\r\n", all) + "\r\n\r\n" + body;
		}
	}

	private void gatewayDelivers(String raw) throws Exception {
		MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
		gateway.getUserManager().getUser(CITY).deliver(mail);
	}

	private UUID deMailAnswer(String email, String deMail, UUID application, String reference) throws Exception {
		MockHttpSession citizen = TestAccounts.signIn(mvc, email);
		mvc.perform(post("/portal/konto/de-mail").param("adresse", deMail).session(citizen).with(csrf())).andExpect(status().is3xxRedirection());
		mvc.perform(post("/portal/konto/zustellung").param("kanal", "DE_MAIL").session(citizen).with(csrf())).andExpect(status().is3xxRedirection());
		UUID message = answer(email, application, reference);
		received(deMail, 0);
		await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(deliveryStatus(message)));
		return message;
	}

	/** An answer as the correspondence listeners queue it: the mailbox copy and the De-Mail message. */
	private UUID answer(String email, UUID application, String reference) {
		AccountId citizen = new AccountId(accounts.idOf(email));
		TenantContext.runAs(accounts.tenant(), () -> transactions.executeWithoutResult(s -> {
			UUID mailboxMessage = UUID.randomUUID();
			jdbc.sql("insert into correspondence.mailbox_message(id, account_id, application_id, subject, body) values (?, ?, ?, ?, ?)")
				.params(mailboxMessage, citizen.value(), application, "Rückfrage zu Ihrem Antrag", "Bitte reichen Sie den Nachweis nach.").update();
			assertThat(outbox.answer(citizen, application, reference, "Rückfrage zu Ihrem Antrag " + reference,
					"Bitte reichen Sie den Nachweis nach.", mailboxMessage, Instant.now(), false, null)).isEqualTo(ChannelKind.DE_MAIL);
		}));
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql(
				"select id from correspondence.delivery where application_id = ? and channel = 'DE_MAIL'").param(application).query(UUID.class).single());
	}

	private MimeMessage received(String address, int index) {
		await().atMost(Duration.ofSeconds(15)).until(() -> gateway.getReceivedMessagesForDomain(address).length > index);
		return gateway.getReceivedMessagesForDomain(address)[index];
	}

	private String submitted(MockHttpSession citizen, MockHttpSession clerk) throws Exception {
		return de.openrathaus.DogRegistrations.submittedAndTaken(mvc, citizen, clerk, "Doris", "276098765432102");
	}

	private int replyDocuments(String application) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("""
				select count(*) from records.document d join records.document_version v on v.document_id = d.id
				  join records.record_case c on c.id = d.case_id
				 where c.source = ? and v.metadata ->> 'source' like 'reply:%'""")
			.param("application:" + application).query(Integer.class).single());
	}

	private String slug() {
		return tenants.all().stream().filter(t -> t.id().equals(accounts.tenant())).findFirst().orElseThrow().slug();
	}

	private String storedAddress(String email) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select address from correspondence.de_mail_address where account_id = ?")
			.param(accounts.idOf(email)).query(String.class).optional().orElse(null));
	}

	private String deliveryStatus(UUID message) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select status from correspondence.delivery where id = ?").param(message)
			.query(String.class).single());
	}

	private static String messageIdOf(String raw) {
		int start = raw.indexOf("Message-ID: ") + "Message-ID: ".length();
		return raw.substring(start, raw.indexOf("\r\n", start));
	}

	private String statusOf(String messageId) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select status from correspondence.inbound_message where message_key = ?")
			.param("de-mail:" + messageId).query(String.class).single());
	}

	private String reasonOf(String messageId) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select reason from correspondence.inbound_message where message_key = ?")
			.param("de-mail:" + messageId).query(String.class).single());
	}

	private int count(String sql) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql(sql).query(Integer.class).single());
	}

	private static String date() {
		return DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC));
	}
}
