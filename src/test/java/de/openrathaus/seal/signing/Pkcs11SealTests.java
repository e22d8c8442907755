// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.seal.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;

import de.openrathaus.seal.keys.SealKeys;
import de.openrathaus.seal.keys.SealSettings;
import de.openrathaus.tenancy.Tenant;
import de.openrathaus.tenancy.TenantId;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * A seal key on a PKCS#11 token (SoftHSM, Debian {@code softhsm2} and {@code opensc}; skipped with a
 * message where they are missing) with timestamps from an RFC 3161 authority over HTTP: the
 * configured production path. The check finds the seal intact and chained to the configured CA.
 */
class Pkcs11SealTests {

	private static final String PIN = "417293";

	@Test
	void sealsWithAKeyOnAPkcs11TokenAndATimestampAuthority(@TempDir Path work) throws Exception {
		Path library = Stream.of("/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so").map(Path::of)
			.filter(Files::exists).findFirst().orElse(null);
		String conf = System.getenv("SOFTHSM2_CONF");
		Assumptions.assumeTrue(library != null && Files.isExecutable(Path.of("/usr/bin/softhsm2-util"))
				&& Files.isExecutable(Path.of("/usr/bin/pkcs11-tool")) && conf != null,
				"SoftHSM (Debian softhsm2, opensc) not installed or SOFTHSM2_CONF unset: PKCS#11 seal test skipped");
		// a token directory of this run only, so the token is the first in the slot list
		Path tokens = Path.of(conf).resolveSibling("softhsm-tokens");
		if (Files.exists(tokens)) {
			try (Stream<Path> old = Files.walk(tokens)) {
				old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
		Files.createDirectories(tokens);
		Files.writeString(Path.of(conf), "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
		run("softhsm2-util", "--init-token", "--free", "--label", "seal", "--pin", PIN, "--so-pin", "93847561");

		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair caKeys = generator.generateKeyPair();
		KeyPair sealKeys = generator.generateKeyPair();
		KeyPair tsaKeys = generator.generateKeyPair();
		X500Name caName = new X500Name("CN=Test-CA HSM,O=OpenRathaus Test,C=DE");
		X509Certificate ca = certificate(caName, caName, caKeys.getPublic(), caKeys.getPrivate(), b -> b
			.addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
			.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)));
		X509Certificate seal = certificate(caName, new X500Name("CN=Siegel Stadt HSM,O=OpenRathaus Test,C=DE"), sealKeys.getPublic(),
				caKeys.getPrivate(), b -> b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation)));
		X509Certificate tsa = certificate(caName, new X500Name("CN=Zeitstempel HSM,O=OpenRathaus Test,C=DE"), tsaKeys.getPublic(),
				caKeys.getPrivate(), b -> b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
					.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping)));
		Path key = work.resolve("seal.key");
		Files.writeString(key, pem("PRIVATE KEY", sealKeys.getPrivate().getEncoded()));
		Path certificate = work.resolve("seal.der");
		Files.write(certificate, seal.getEncoded());
		Path anchor = work.resolve("ca.pem");
		Files.writeString(anchor, pem("CERTIFICATE", ca.getEncoded()));
		run("softhsm2-util", "--import", key.toString(), "--token", "seal", "--label", "seal", "--id", "01", "--pin", PIN);
		run("pkcs11-tool", "--module", library.toString(), "--token-label", "seal", "--login", "--pin", PIN, "--write-object",
				certificate.toString(), "--type", "cert", "--id", "01", "--label", "seal");
		Files.delete(key);

		HttpServer authority = timestampAuthority(tsaKeys.getPrivate(), tsa, ca);
		try {
			String url = "http://127.0.0.1:" + authority.getAddress().getPort() + "/tsa";
			SealSettings settings = new SealSettings(work.resolve("keys").toString(), "T", url, Duration.ofSeconds(10), 20,
					DataSize.ofMegabytes(10), Map.of("hsm", new SealSettings.Municipality(null,
							new SealSettings.Pkcs11(library.toString(), -1, 0, PIN, ""), List.of(anchor.toString()))));
			SealKeys keys = new SealKeys(settings, Clock.systemUTC());
			PadesSealer sealer = new PadesSealer(keys, settings);
			Tenant tenant = new Tenant(new TenantId(UUID.randomUUID()), "hsm", "Stadt HSM", List.of("localhost"), null);

			byte[] sealed = sealer.seal(tenant, plainPdf(), "HSM-2026-000001");

			assertThat(new SealCheck(keys, sealer).check(tenant, sealed)).isEqualTo(SealCheck.Finding.INTACT);
			CommonCertificateVerifier verifier = new CommonCertificateVerifier();
			CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
			trusted.addCertificate(new CertificateToken(ca));
			verifier.setTrustedCertSources(trusted);
			SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(sealed));
			validator.setCertificateVerifier(verifier);
			Reports reports = validator.validateDocument();
			String id = reports.getSimpleReport().getFirstSignatureId();
			assertThat(reports.getSimpleReport().getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_T);
			assertThat(reports.getSimpleReport().getSignedBy(id)).contains("Siegel Stadt HSM");
			assertThat(reports.getDiagnosticData().getSignatureById(id).isSignatureIntact()).isTrue();
			assertThat(reports.getDiagnosticData().getTimestampList()).isNotEmpty();
		}
		finally {
			authority.stop(0);
		}
	}

	/** An RFC 3161 timestamp authority over HTTP, as a production TSA answers (BC's generator, our test key). */
	private static HttpServer timestampAuthority(PrivateKey key, X509Certificate certificate, X509Certificate ca) throws Exception {
		TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
				new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", key, certificate),
				new JcaDigestCalculatorProviderBuilder().build().get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
				new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"));
		tokens.addCertificates(new JcaCertStore(List.of(certificate, ca)));
		TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/tsa", exchange -> {
			try {
				TimeStampRequest request = new TimeStampRequest(exchange.getRequestBody().readAllBytes());
				byte[] answer = responses.generate(request, BigInteger.valueOf(System.nanoTime()), new Date()).getEncoded();
				exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
				exchange.sendResponseHeaders(200, answer.length);
				exchange.getResponseBody().write(answer);
			}
			catch (Exception e) {
				exchange.sendResponseHeaders(500, -1);
			}
			finally {
				exchange.close();
			}
		});
		server.start();
		return server;
	}

	private interface Extensions {
		void add(X509v3CertificateBuilder builder) throws Exception;
	}

	private static X509Certificate certificate(X500Name issuer, X500Name subject, PublicKey key, PrivateKey issuerKey, Extensions extensions)
			throws Exception {
		Instant now = Instant.now();
		X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, new java.security.SecureRandom()),
				Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))), subject, key);
		extensions.add(builder);
		return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

	private static byte[] plainPdf() throws Exception {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.addPage(new PDPage());
			document.save(out);
			return out.toByteArray();
		}
	}

	private static String run(String... command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
		return output;
	}
}
