// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import de.openrathaus.TestAccounts;
import de.openrathaus.account.AccountId;
import de.openrathaus.correspondence.delivery.Handover;
import de.openrathaus.correspondence.delivery.OutgoingMessage;
import de.openrathaus.correspondence.securemail.MailSigningKey;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.Tenants;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Encrypted mail that others can read: the citizen stores a key, the decision leaves encrypted to
 * it and signed by the municipality, and Debian's own tools (OpenSSL for S/MIME, GnuPG for OpenPGP)
 * decrypt it and check the signature, a code path that shares nothing with ours. Keys are made by
 * those tools in the test. Without the tools the test is skipped with a message, never in CI.
 */
@SpringBootTest(properties = {"openrathaus.mail.mode=smtp", "spring.mail.host=127.0.0.1", "spring.mail.port=39027"})
@AutoConfigureMockMvc
class EncryptedMailIntegrationTests {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(39027, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

	private static final byte[] PDF = "%PDF-1.7\n% Bescheid über die Hundesteuer\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

	@TempDir
	static Path work;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	EmailChannel channel;

	@Autowired
	MailSigningKey signing;

	@Autowired
	CorrespondenceSettings settings;

	@Autowired
	Tenants tenants;

	@BeforeAll
	static void tools() {
		for (String tool : new String[] {"openssl", "gpg"}) {
			boolean present = Files.isExecutable(Path.of("/usr/bin", tool));
			if (!present && "true".equals(System.getenv("CI"))) {
				throw new IllegalStateException(tool + " is missing; .ci/run installs it");
			}
			if (!present) {
				System.out.println("SKIPPED EncryptedMailIntegrationTests: " + tool + " is not installed (apt-get install openssl gnupg)");
			}
			Assumptions.assumeTrue(present, tool + " is not installed");
		}
	}

	@Test
	void aDecisionEncryptedToAnSmimeCertificateIsReadAndVerifiedByOpenSsl() throws Exception {
		String email = accounts.citizen("Smime");
		Path dir = Files.createDirectories(work.resolve("smime-" + UUID.randomUUID()));
		run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30", "-keyout", "key.pem", "-out", "cert.pem",
				"-subj", "/CN=Test Smime", "-addext", "subjectAltName=email:" + email, "-addext", "keyUsage=digitalSignature,keyEncipherment",
				"-addext", "extendedKeyUsage=emailProtection");
		MockHttpSession citizen = TestAccounts.signIn(mvc, email);
		mvc.perform(post("/portal/konto/schluessel").param("text", Files.readString(dir.resolve("cert.pem"))).session(citizen).with(csrf()))
			.andExpect(redirectedUrl("/portal/konto/schluessel"));
		mvc.perform(get("/portal/konto/schluessel").session(citizen)).andExpect(content().string(containsString("S/MIME-Zertifikat")));

		MimeMessage mail = deliver(email);
		assertThat(mail.getContentType()).contains("application/pkcs7-mime");
		assertThat(new String(raw(mail), StandardCharsets.ISO_8859_1)).doesNotContain("Hundesteuer").doesNotContain("Bescheid über");
		Files.write(dir.resolve("mail.eml"), raw(mail));

		run(dir, "openssl", "smime", "-decrypt", "-in", "mail.eml", "-recip", "cert.pem", "-inkey", "key.pem", "-out", "signed.eml");
		Files.write(dir.resolve("ca.pem"), pem(signing.of(tenants.byHost("localhost").orElseThrow(), new InternetAddress(settings.from()).getAddress())));
		run(dir, "openssl", "smime", "-verify", "-in", "signed.eml", "-CAfile", "ca.pem", "-out", "content.eml");
		assertThat(attachment(Files.readAllBytes(dir.resolve("content.eml")))).isEqualTo(PDF);
	}

	@Test
	void aDecisionEncryptedToAnOpenPgpKeyIsReadByGnuPgAndItsSignatureByOpenSsl() throws Exception {
		String email = accounts.citizen("Pgp");
		Path home = gnupgHome();
		run(home, env(home), "gpg", "--batch", "--passphrase", "", "--quick-gen-key", "Test Pgp <" + email + ">", "default", "default", "1y");
		String publicKey = run(home, env(home), "gpg", "--armor", "--export", email);
		MockHttpSession citizen = TestAccounts.signIn(mvc, email);
		mvc.perform(post("/portal/konto/schluessel").param("text", publicKey).session(citizen).with(csrf()))
			.andExpect(redirectedUrl("/portal/konto/schluessel"));

		MimeMessage mail = deliver(email);
		assertThat(mail.getContentType()).contains("multipart/encrypted").contains("application/pgp-encrypted");
		Multipart parts = (Multipart) mail.getContent();
		Files.write(home.resolve("encrypted.asc"), ((Part) parts.getBodyPart(1)).getInputStream().readAllBytes());
		run(home, env(home), "gpg", "--batch", "--output", "signed.eml", "--decrypt", "encrypted.asc");
		Files.write(home.resolve("ca.pem"), pem(signing.of(tenants.byHost("localhost").orElseThrow(), new InternetAddress(settings.from()).getAddress())));
		run(home, "openssl", "smime", "-verify", "-in", "signed.eml", "-CAfile", "ca.pem", "-out", "content.eml");
		assertThat(attachment(Files.readAllBytes(home.resolve("content.eml")))).isEqualTo(PDF);
	}

	@Test
	void withoutAKeyTheSignedMailOnlySaysThatSomethingArrived() throws Exception {
		String email = accounts.citizen("Ohne");
		MimeMessage mail = deliver(email);
		assertThat(mail.getContentType()).contains("multipart/signed");
		String raw = new String(raw(mail), StandardCharsets.UTF_8);
		assertThat(raw).contains("/portal/postfach").doesNotContain("Hundesteuer").doesNotContain("Bitte zahlen");
		assertThat(mail.getSubject()).doesNotContain("Hund");
		Path dir = Files.createDirectories(work.resolve("plain-" + UUID.randomUUID()));
		Files.write(dir.resolve("mail.eml"), raw(mail));
		Files.write(dir.resolve("ca.pem"), pem(signing.of(tenants.byHost("localhost").orElseThrow(), new InternetAddress(settings.from()).getAddress())));
		run(dir, "openssl", "smime", "-verify", "-in", "mail.eml", "-CAfile", "ca.pem", "-out", "content.txt");
		assertThat(Files.readString(dir.resolve("content.txt"))).contains("neue Nachricht");
	}

	@Test
	void expiredRevokedPrivateForeignAndGarbageKeysAreRefusedAndNothingIsStored() throws Exception {
		String email = accounts.citizen("Abgelehnt");
		MockHttpSession citizen = TestAccounts.signIn(mvc, email);
		Path home = gnupgHome();

		run(home, env(home), "gpg", "--batch", "--passphrase", "", "--faked-system-time", "20200101T000000", "--quick-gen-key",
				"Alt <" + email + ">", "default", "default", "1d");
		refused(citizen, run(home, env(home), "gpg", "--armor", "--export", email), "abgelaufen");

		Path revokedHome = gnupgHome();
		run(revokedHome, env(revokedHome), "gpg", "--batch", "--passphrase", "", "--quick-gen-key", "Widerrufen <" + email + ">", "default",
				"default", "1y");
		try (var revocations = Files.list(revokedHome.resolve("openpgp-revocs.d"))) {
			Path revocation = revocations.findFirst().orElseThrow();
			Files.writeString(revokedHome.resolve("revoke.asc"), Files.readString(revocation).replace(":-----BEGIN", "-----BEGIN"));
		}
		run(revokedHome, env(revokedHome), "gpg", "--batch", "--import", "revoke.asc");
		refused(citizen, run(revokedHome, env(revokedHome), "gpg", "--armor", "--export", email), "widerrufen");

		refused(citizen, run(revokedHome, env(revokedHome), "gpg", "--batch", "--pinentry-mode", "loopback", "--passphrase", "", "--armor",
				"--export-secret-keys", email), "privater Schlüssel");

		Path dir = Files.createDirectories(work.resolve("foreign-" + UUID.randomUUID()));
		run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30", "-keyout", "key.pem", "-out", "cert.pem",
				"-subj", "/CN=Fremd", "-addext", "subjectAltName=email:jemand-anderes@example.org", "-addext", "extendedKeyUsage=emailProtection");
		refused(citizen, Files.readString(dir.resolve("cert.pem")), "nicht für Ihre E-Mail-Adresse");

		refused(citizen, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "weder");

		mvc.perform(get("/portal/konto/schluessel").session(citizen)).andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"schluessel\""))));
	}

	private void refused(MockHttpSession citizen, String upload, String message) throws Exception {
		mvc.perform(post("/portal/konto/schluessel").param("text", upload).session(citizen).with(csrf()))
			.andExpect(status().isOk()).andExpect(content().string(containsString("id=\"fehler\""))).andExpect(content().string(containsString(message)));
	}

	/** Hands a decision to the e-mail channel, as the outbox does, and returns what the mail server received. */
	private MimeMessage deliver(String email) throws Exception {
		AccountId account = new AccountId(accounts.idOf(email));
		int before = smtp.getReceivedMessagesForDomain(email).length;
		Handover handover = TenantContext.callAs(accounts.tenant(), () -> channel.deliver(new OutgoingMessage(UUID.randomUUID(), accounts.tenant(),
				account, UUID.randomUUID(), "HUND-2026-000777", "Bescheid über Ihre Hundeanmeldung", "Bitte zahlen Sie die Hundesteuer.",
				new OutgoingMessage.Attachment("bescheid.pdf", "application/pdf", PDF), null)));
		assertThat(handover).isInstanceOf(Handover.Sent.class);
		await().atMost(Duration.ofSeconds(10)).until(() -> smtp.getReceivedMessagesForDomain(email).length > before);
		return smtp.getReceivedMessagesForDomain(email)[before];
	}

	private static byte[] raw(MimeMessage mail) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		mail.writeTo(out);
		return out.toByteArray();
	}

	/** The bytes of the first attachment in a MIME entity, as a mail client reads them. */
	private static byte[] attachment(byte[] entity) throws Exception {
		MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(entity));
		List<Part> found = new ArrayList<>();
		collect(message, found);
		assertThat(found).as("an attachment").isNotEmpty();
		return found.getFirst().getInputStream().readAllBytes();
	}

	private static void collect(Part part, List<Part> found) throws Exception {
		if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
			found.add(part);
		}
		else if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				collect(child, found);
			}
		}
	}

	private static byte[] pem(MailSigningKey.Loaded key) throws Exception {
		java.security.cert.X509Certificate ca = key.chain().getLast();
		return ("-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(ca.getEncoded())
				+ "\n-----END CERTIFICATE-----\n").getBytes(StandardCharsets.US_ASCII);
	}

	private static Path gnupgHome() throws Exception {
		Path home = Files.createDirectories(work.resolve("gnupg-" + UUID.randomUUID().toString().substring(0, 8)));
		Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
		return home;
	}

	private static String[] env(Path home) {
		return new String[] {"GNUPGHOME=" + home};
	}

	private static String run(Path dir, String... command) throws Exception {
		return run(dir, new String[0], command);
	}

	private static String run(Path dir, String[] environment, String... command) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(false);
		for (String variable : environment) {
			String[] pair = variable.split("=", 2);
			builder.environment().put(pair[0], pair[1]);
		}
		Process process = builder.start();
		process.getOutputStream().close();
		byte[] out = process.getInputStream().readAllBytes();
		byte[] err = process.getErrorStream().readAllBytes();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(String.join(" ", command) + ": " + new String(err, StandardCharsets.UTF_8)).isZero();
		return new String(out, StandardCharsets.UTF_8);
	}
}
