// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.Pkcs12SignatureToken;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509v2CRLBuilder;
import eu.europa.esig.dss.spi.x509.revocation.crl.ExternalResourcesCRLSource;
import eu.europa.esig.dss.spi.x509.tsp.KeyEntityTSPSource;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * DSS 6.4 seals {@link PdfRenderer} output at PAdES B-LT (PKCS#12 key, in-process timestamp, CRL) and
 * reads its own signature back: TOTAL_PASSED with only the CA trusted. Guards the Bouncy Castle pin:
 * 1.85 rejects the zero padding after the CMS in /Contents ("Extra data detected in stream") and DSS
 * then reports "Not a valid CAdES file".
 */
class PadesReadBackTests {

	@Test
	void dssSignsAndValidatesRenderedPdf() throws Exception {
		SpringTemplateEngine engine = new SpringTemplateEngine();
		StringTemplateResolver resolver = new StringTemplateResolver();
		resolver.setTemplateMode("HTML");
		engine.setTemplateResolver(resolver);
		byte[] pdf = new PdfRenderer(engine).render(
				"<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>Bescheid</title></head><body><p>Bescheid äöü €</p></body></html>",
				Map.of(), Locale.GERMAN);

		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair caKeys = generator.generateKeyPair();
		KeyPair sealKeys = generator.generateKeyPair();
		Instant now = Instant.now();
		X500Name caName = new X500Name("CN=Demo CA");
		X509Certificate ca = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(caName,
				BigInteger.ONE, Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(3650, ChronoUnit.DAYS)), caName,
				caKeys.getPublic())
			.addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
			.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
			.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate())));
		X509Certificate seal = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(caName,
				BigInteger.TWO, Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(1000, ChronoUnit.DAYS)),
				new X500Name("CN=Siegel, O=Stadt"), sealKeys.getPublic())
			.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
			.addExtension(Extension.cRLDistributionPoints, false, crlPoint())
			.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate())));
		KeyPair tsaKeys = generator.generateKeyPair();
		X509Certificate tsa = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(caName,
				BigInteger.valueOf(3), Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(1000, ChronoUnit.DAYS)),
				new X500Name("CN=TSA, O=Stadt"), tsaKeys.getPublic())
			.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
			.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping))
			.addExtension(Extension.cRLDistributionPoints, false, crlPoint())
			.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate())));
		X509v2CRLBuilder crlBuilder = new X509v2CRLBuilder(caName, Date.from(now.minusSeconds(60)));
		crlBuilder.setNextUpdate(Date.from(now.plus(1, ChronoUnit.DAYS)));
		crlBuilder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.ONE));
		byte[] crl = crlBuilder.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate())).getEncoded();
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setKeyEntry("seal", sealKeys.getPrivate(), "pw".toCharArray(), new X509Certificate[] { seal, ca });
		ByteArrayOutputStream p12 = new ByteArrayOutputStream();
		store.store(p12, "pw".toCharArray());

		try (Pkcs12SignatureToken token = new Pkcs12SignatureToken(p12.toByteArray(),
				new KeyStore.PasswordProtection("pw".toCharArray()))) {
			DSSPrivateKeyEntry key = token.getKeys().get(0);
			PAdESSignatureParameters parameters = new PAdESSignatureParameters();
			parameters.setSignatureLevel(SignatureLevel.PAdES_BASELINE_LT);
			parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
			parameters.setSigningCertificate(key.getCertificate());
			parameters.setCertificateChain(List.of(key.getCertificateChain()));
			CommonCertificateVerifier signingVerifier = new CommonCertificateVerifier();
			signingVerifier.setCrlSource(new ExternalResourcesCRLSource(new InMemoryDocument(crl)));
			CommonTrustedCertificateSource signingTrust = new CommonTrustedCertificateSource();
			signingTrust.addCertificate(new CertificateToken(ca));
			signingVerifier.setTrustedCertSources(signingTrust);
			PAdESService service = new PAdESService(signingVerifier);
			KeyEntityTSPSource tsp = new KeyEntityTSPSource(tsaKeys.getPrivate(), tsa, List.of(tsa, ca));
			tsp.setTsaPolicy("2.25.329800735698586629295641978511506172918");
			service.setTspSource(tsp);
			DSSDocument document = new InMemoryDocument(pdf, "bescheid.pdf");
			ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
			SignatureValue value = token.sign(toBeSigned, parameters.getDigestAlgorithm(), key);
			DSSDocument signed = service.signDocument(document, parameters, value);

			CommonCertificateVerifier verifier = new CommonCertificateVerifier();
			CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
			trusted.addCertificate(new CertificateToken(ca));
			verifier.setTrustedCertSources(trusted);
			SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(signed);
			validator.setCertificateVerifier(verifier);
			Reports reports = validator.validateDocument();
			String id = reports.getSimpleReport().getFirstSignatureId();
			assertThat(reports.getSimpleReport().getIndication(id))
				.as("%s", reports.getSimpleReport().getAdESValidationErrors(id).stream().map(m -> m.getValue()).toList())
				.isEqualTo(Indication.TOTAL_PASSED);
			assertThat(reports.getSimpleReport().getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_LT);
		}
	}

	private static CRLDistPoint crlPoint() {
		return new CRLDistPoint(new DistributionPoint[] { new DistributionPoint(new DistributionPointName(
				new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, "http://localhost:8080/pki/demo/ca.crl"))),
				null, null) });
	}
}
