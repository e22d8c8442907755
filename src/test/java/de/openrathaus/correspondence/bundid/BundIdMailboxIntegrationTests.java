// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.bundid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import de.openrathaus.FederatedTestSignIn;
import de.openrathaus.TestAccounts;
import de.openrathaus.account.AccountDirectory;
import de.openrathaus.account.AccountId;
import de.openrathaus.account.FederatedIdentity;
import de.openrathaus.account.TrustLevel;
import de.openrathaus.correspondence.delivery.ChannelKind;
import de.openrathaus.correspondence.delivery.DeliveryOutbox;
import de.openrathaus.tenancy.TenantContext;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
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
 * The BundID mailbox against a stand-in of the ZBP on loopback that enforces its protocol (client
 * certificate, signed token, signed message, listed attachments): a citizen whose BundID sign-in
 * named a mailbox chooses it and the answer arrives there; a mailbox the ZBP does not know falls
 * back to a letter; while the ZBP is down the message waits and goes once it is back; a client
 * certificate the ZBP does not know gets no connection at all.
 */
@SpringBootTest(properties = {"openrathaus.delivery.first-pause=1s", "openrathaus.delivery.max-pause=2s"})
@AutoConfigureMockMvc
class BundIdMailboxIntegrationTests {

	static final char[] PASSWORD = "geheim".toCharArray();
	static final String SIGNER = "OpenRathaus-Test";
	static final ZbpStandIn ZBP;
	static final Path CLIENT_KEYSTORE;
	static final Path TRUST_ANCHORS;
	static final Path STRANGER_KEYSTORE;

	static {
		try {
			Path dir = Files.createTempDirectory("zbp");
			dir.toFile().deleteOnExit();
			Issued bpki = authority("BPKI Test CA");
			Issued client = issue(bpki, "CN=OpenRathaus Musterstadt, O=Stadt Musterstadt", null);
			CLIENT_KEYSTORE = keystore(dir.resolve("client.p12"), client);
			Issued stranger = issue(authority("Fremde CA"), "CN=Jemand", null);
			STRANGER_KEYSTORE = keystore(dir.resolve("stranger.p12"), stranger);
			Issued serverCa = authority("ZBP Test Server CA");
			Issued server = issue(serverCa, "CN=127.0.0.1", "127.0.0.1");
			KeyStore serverKeys = KeyStore.getInstance("PKCS12");
			serverKeys.load(null, null);
			serverKeys.setKeyEntry("server", server.keys().getPrivate(), PASSWORD, new Certificate[] {server.certificate()});
			TRUST_ANCHORS = dir.resolve("zbp-ca.pem");
			Files.writeString(TRUST_ANCHORS, "-----BEGIN CERTIFICATE-----\n"
					+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(serverCa.certificate().getEncoded())
					+ "\n-----END CERTIFICATE-----\n");
			ZBP = new ZbpStandIn(serverKeys, PASSWORD, bpki.certificate(), client.certificate(), SIGNER);
		}
		catch (Exception e) {
			throw new ExceptionInInitializerError(e);
		}
	}

	@DynamicPropertySource
	static void zbp(DynamicPropertyRegistry registry) {
		registry.add("openrathaus.bundid-mailbox.enabled", () -> "true");
		registry.add("openrathaus.bundid-mailbox.base-url", ZBP::url);
		registry.add("openrathaus.bundid-mailbox.client-keystore", CLIENT_KEYSTORE::toString);
		registry.add("openrathaus.bundid-mailbox.client-keystore-password", () -> "geheim");
		registry.add("openrathaus.bundid-mailbox.trust-anchors", TRUST_ANCHORS::toString);
		registry.add("openrathaus.bundid-mailbox.signer", () -> SIGNER);
	}

	@AfterAll
	static void stop() {
		ZBP.close();
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	FederatedTestSignIn federated;

	@Autowired
	AccountDirectory directory;

	@Autowired
	DeliveryOutbox outbox;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aCitizenSignedInWithBundIdChoosesTheMailboxAndTheAnswerArrivesThere() throws Exception {
		UUID mailbox = UUID.randomUUID();
		ZBP.mailboxes.add(mailbox);
		Citizen citizen = signedIn(mailbox);
		mvc.perform(get("/portal/konto/zustellung").session(citizen.session())).andExpect(status().isOk())
			.andExpect(content().string(containsString("BundID")));
		mvc.perform(post("/portal/konto/zustellung").param("kanal", "BUNDID").session(citizen.session()).with(csrf()))
			.andExpect(status().is3xxRedirection());

		UUID message = answer(citizen.account(), "HUND-2026-ZBP001");
		await().atMost(Duration.ofSeconds(15)).until(() -> "SENT".equals(deliveryStatus(message)));
		ZbpStandIn.Received received = ZBP.received.stream().filter(r -> r.mailbox().equals(mailbox)).findFirst().orElseThrow();
		assertThat(received.title()).isEqualTo("Rückfrage zu Ihrem Antrag HUND-2026-ZBP001");
		assertThat(received.content()).contains("Bitte reichen Sie den Nachweis nach.").contains("HUND-2026-ZBP001");
		assertThat(received.level()).as("a notice without a document opens at the basic level").isEqualTo(1);
		assertThat(received.service()).isEqualTo("OpenRathaus");
		assertThat(received.reference()).isEqualTo("HUND-2026-ZBP001");
		assertThat(carrierReference(message)).as("the ZBP's message UUID is kept to find the message in the mailbox later")
			.isEqualTo(received.messageUuid().toString());
	}

	@Test
	void aMailboxTheZbpDoesNotKnowFallsBackToALetter() throws Exception {
		Citizen citizen = signedIn(UUID.randomUUID());
		mvc.perform(post("/portal/konto/zustellung").param("kanal", "BUNDID").session(citizen.session()).with(csrf()));
		int refusals = ZBP.refusals.get();
		UUID message = answer(citizen.account(), "HUND-2026-ZBP002");
		await().atMost(Duration.ofSeconds(15)).until(() -> "FAILED".equals(deliveryStatus(message)));
		assertThat(ZBP.refusals.get()).isGreaterThan(refusals);
		assertThat(count("select count(*) from correspondence.delivery where fallback_of = '" + message + "' and channel = 'LETTER'")).isOne();
	}

	@Test
	void whileTheZbpIsDownTheMessageWaitsAndGoesOnceItIsBack() throws Exception {
		UUID mailbox = UUID.randomUUID();
		ZBP.mailboxes.add(mailbox);
		Citizen citizen = signedIn(mailbox);
		mvc.perform(post("/portal/konto/zustellung").param("kanal", "BUNDID").session(citizen.session()).with(csrf()));
		ZBP.down = true;
		UUID message;
		try {
			message = answer(citizen.account(), "HUND-2026-ZBP003");
			await().atMost(Duration.ofSeconds(15)).until(() -> attempts(message) >= 1);
			assertThat(deliveryStatus(message)).isEqualTo("QUEUED");
		}
		finally {
			ZBP.down = false;
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(deliveryStatus(message)));
		assertThat(ZBP.received.stream().filter(r -> r.mailbox().equals(mailbox)).count()).isOne();
	}

	@Test
	void attachmentsGoListedWithTheirChecksumAndAStrangersCertificateGetsNoConnection() throws Exception {
		UUID mailbox = UUID.randomUUID();
		ZBP.mailboxes.add(mailbox);
		byte[] pdf = "%PDF-1.7\n% Bescheid\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
		BundIdMailboxSettings settings = new BundIdMailboxSettings(true, ZBP.url(), CLIENT_KEYSTORE, "geheim", TRUST_ANCHORS, SIGNER, null,
				null, null, null);
		ZbpClient.Answer answer = new ZbpClient(settings).send(new ZbpClient.Message(mailbox, 3, "Stadt Musterstadt", "Ihr Bescheid",
				"Anbei Ihr Bescheid.", "OpenRathaus", "HUND-2026-ZBP004", null, null,
				List.of(new ZbpClient.Attachment("bescheid.pdf", "application/pdf", pdf))), Instant.now());
		assertThat(answer.status()).isEqualTo(200);
		ZbpStandIn.Received received = ZBP.received.stream().filter(r -> r.mailbox().equals(mailbox)).findFirst().orElseThrow();
		assertThat(received.files()).containsExactly("bescheid.pdf");
		assertThat(received.contents().get("bescheid.pdf")).isEqualTo(pdf);
		assertThat(received.level()).isEqualTo(3);

		BundIdMailboxSettings stranger = new BundIdMailboxSettings(true, ZBP.url(), STRANGER_KEYSTORE, "geheim", TRUST_ANCHORS, SIGNER, null,
				null, null, null);
		assertThatThrownBy(() -> new ZbpClient(stranger).send(new ZbpClient.Message(mailbox, 1, "x", "x", "x", "x", null, null, null, List.of()),
				Instant.now())).isInstanceOf(java.io.IOException.class);
	}

	private record Citizen(AccountId account, MockHttpSession session) {
	}

	private Citizen signedIn(UUID mailbox) {
		FederatedIdentity identity = new FederatedIdentity(FederatedTestSignIn.BUNDID, FederatedTestSignIn.randomSubject(), TrustLevel.SUBSTANTIAL,
				FederatedTestSignIn.erika(null), null, mailbox);
		FederatedTestSignIn.Outcome outcome = federated.signIn(identity);
		AccountId account = new AccountId(TenantContext.callAs(accounts.tenant(), () -> jdbc.sql(
				"select account_id from account.federated_identity where subject = ?").param(identity.subject()).query(UUID.class)
			.single()));
		assertThat(TenantContext.callAs(accounts.tenant(), () -> directory.bundIdMailbox(account))).contains(mailbox);
		return new Citizen(account, outcome.session());
	}

	/** An answer as the correspondence listeners queue it: the mailbox copy and the chosen channel's message. */
	private UUID answer(AccountId citizen, String reference) {
		UUID application = UUID.randomUUID();
		TenantContext.runAs(accounts.tenant(), () -> transactions.executeWithoutResult(s -> {
			UUID mailboxMessage = UUID.randomUUID();
			jdbc.sql("insert into correspondence.mailbox_message(id, account_id, application_id, subject, body) values (?, ?, ?, ?, ?)")
				.params(mailboxMessage, citizen.value(), application, "Rückfrage", "Bitte reichen Sie den Nachweis nach.").update();
			assertThat(outbox.answer(citizen, application, reference, "Rückfrage zu Ihrem Antrag " + reference,
					"Bitte reichen Sie den Nachweis nach.", mailboxMessage, Instant.now(), false, null)).isEqualTo(ChannelKind.BUNDID);
		}));
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql(
				"select id from correspondence.delivery where application_id = ? and channel = 'BUNDID'").param(application).query(UUID.class).single());
	}

	private String deliveryStatus(UUID message) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select status from correspondence.delivery where id = ?").param(message)
			.query(String.class).single());
	}

	private String carrierReference(UUID message) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select carrier_reference from correspondence.delivery where id = ?")
			.param(message).query(String.class).single());
	}

	private int attempts(UUID message) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select attempts from correspondence.delivery where id = ?").param(message)
			.query(Integer.class).single());
	}

	private int count(String sql) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql(sql).query(Integer.class).single());
	}

	private record Issued(KeyPair keys, X509Certificate certificate, X500Name name) {
	}

	private static Issued authority(String name) throws Exception {
		KeyPair keys = rsa();
		X500Name subject = new X500Name("CN=" + name);
		Instant now = Instant.now();
		X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(subject, BigInteger.ONE,
				Date.from(now.minusSeconds(3600)), Date.from(now.plus(Duration.ofDays(30))), subject, keys.getPublic())
			.addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
			.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
		return new Issued(keys, certificate, subject);
	}

	private static Issued issue(Issued ca, String subject, String ip) throws Exception {
		KeyPair keys = rsa();
		Instant now = Instant.now();
		JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.name(), BigInteger.valueOf(now.toEpochMilli()),
				Date.from(now.minusSeconds(3600)), Date.from(now.plus(Duration.ofDays(30))), new X500Name(subject), keys.getPublic());
		if (ip != null) {
			builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.iPAddress, ip)));
		}
		X509Certificate certificate = new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(ca.keys().getPrivate())));
		return new Issued(keys, certificate, new X500Name(subject));
	}

	private static Path keystore(Path file, Issued holder) throws Exception {
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setKeyEntry("client", holder.keys().getPrivate(), PASSWORD, new Certificate[] {holder.certificate()});
		try (OutputStream out = Files.newOutputStream(file)) {
			store.store(out, PASSWORD);
		}
		return file;
	}

	private static KeyPair rsa() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		return generator.generateKeyPair();
	}
}
