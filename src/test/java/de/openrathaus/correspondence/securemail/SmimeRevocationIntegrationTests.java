// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.securemail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import de.openrathaus.TestAccounts;
import de.openrathaus.account.AccountId;
import de.openrathaus.tenancy.TenantContext;

import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An S/MIME certificate its CA has revoked is refused when stored, against a real HTTP server on
 * loopback publishing the CA's revocation list; a certificate the list does not name is taken. By
 * default no list is fetched from a loopback or private address (the address comes from an upload).
 */
@SpringBootTest(properties = "openrathaus.secure-mail.revocation.allow-private-addresses=true")
@AutoConfigureMockMvc
class SmimeRevocationIntegrationTests {

	static HttpServer crlServer;
	static KeyPair caKeys;
	static X509Certificate ca;
	static byte[] crl;
	static final AtomicInteger fetches = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MailKeys keys;

	@BeforeAll
	static void certificateAuthority() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		caKeys = generator.generateKeyPair();
		X500Name name = new X500Name("CN=Test Mail CA");
		Instant now = Instant.now();
		ca = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
				Date.from(now.minusSeconds(3600)), Date.from(now.plus(Duration.ofDays(30))), name, caKeys.getPublic())
			.addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
			.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate())));
		// serial 66 is revoked
		X509v2CRLBuilder list = new X509v2CRLBuilder(name, Date.from(now.minusSeconds(60)));
		list.setNextUpdate(Date.from(now.plus(Duration.ofDays(1))));
		list.addCRLEntry(BigInteger.valueOf(66), Date.from(now.minusSeconds(30)), CRLReason.keyCompromise);
		crl = list.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate())).getEncoded();
		crlServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		crlServer.createContext("/ca.crl", exchange -> {
			fetches.incrementAndGet();
			exchange.getResponseHeaders().add("Content-Type", "application/pkix-crl");
			exchange.sendResponseHeaders(200, crl.length);
			exchange.getResponseBody().write(crl);
			exchange.close();
		});
		crlServer.start();
	}

	@AfterAll
	static void stop() {
		crlServer.stop(0);
	}

	@Test
	void aRevokedCertificateIsRefusedAndAGoodOneIsTaken() throws Exception {
		String email = accounts.citizen("Revoked");
		MockHttpSession citizen = TestAccounts.signIn(mvc, email);
		mvc.perform(post("/portal/konto/schluessel").param("text", pem(certificate(email, 66))).session(citizen).with(csrf()))
			.andExpect(status().isOk()).andExpect(content().string(containsString("id=\"fehler\"")))
			.andExpect(content().string(containsString("widerrufen")));
		AccountId account = new AccountId(accounts.idOf(email));
		assertThat(TenantContext.callAs(accounts.tenant(), () -> keys.of(account))).isEmpty();
		assertThat(fetches.get()).as("the list was fetched from the address the certificate names").isPositive();

		mvc.perform(post("/portal/konto/schluessel").param("text", pem(certificate(email, 67))).session(citizen).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(TenantContext.callAs(accounts.tenant(), () -> keys.of(account))).isPresent();
	}

	@Test
	void listsOnLoopbackOrPrivateAddressesAreNotFetchedByDefault() throws Exception {
		CertificateRevocation guarded = new CertificateRevocation(new CertificateRevocation.Settings(null, null, null, 0, false),
				Clock.systemUTC());
		int before = fetches.get();
		assertThat(guarded.check(certificate("someone@example.org", 66).getEncoded())).isEqualTo(CertificateRevocation.Status.UNKNOWN);
		assertThat(fetches.get()).isEqualTo(before);
		assertThat(CertificateRevocation.internal("10.1.2.3")).isTrue();
		assertThat(CertificateRevocation.internal("192.168.0.1")).isTrue();
		assertThat(CertificateRevocation.internal("8.8.8.8")).isFalse();
	}

	private static X509Certificate certificate(String email, long serial) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair keys = generator.generateKeyPair();
		Instant now = Instant.now();
		String url = "http://127.0.0.1:" + crlServer.getAddress().getPort() + "/ca.crl";
		return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(new X500Name("CN=Test Mail CA"),
				BigInteger.valueOf(serial), Date.from(now.minusSeconds(3600)), Date.from(now.plus(Duration.ofDays(30))),
				new X500Name("CN=" + email), keys.getPublic())
			.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyEncipherment | KeyUsage.digitalSignature))
			.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_emailProtection))
			.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.rfc822Name, email)))
			.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {new DistributionPoint(
					new DistributionPointName(new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, new DERIA5String(url)))),
					null, null)}))
			.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate())));
	}

	private static String pem(X509Certificate certificate) throws Exception {
		return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
			.encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
	}
}
