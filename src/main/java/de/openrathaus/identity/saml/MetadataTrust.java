// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.identity.saml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.openrathaus.files.Sha256;
import de.openrathaus.identity.config.IdentitySettings;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Checks the signature of identity provider metadata against the trust anchor the municipality
 * configured for the registration: a certificate file (its key must have signed the metadata) or the
 * SHA-256 fingerprint of the signing certificate (then a certificate the document carries must have
 * that fingerprint and its key must verify the signature). The signature must be the document element's own, cover it
 * by its ID and nothing else (the same rules as for responses, {@link EnvelopedSignatures}), and a
 * {@code validUntil} that has passed makes the metadata stale. Without an anchor nothing is checked here:
 * the metadata's trust then comes from the operator's file or HTTPS, as before.
 */
final class MetadataTrust {

	private static final Pattern PEM_CERTIFICATE = Pattern.compile("-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+)-----END CERTIFICATE-----");

	private MetadataTrust() {
	}

	/** Refuses (NOT_CONFIGURED, the registration is then unavailable) unless the document is signed as the anchor demands. */
	static void verify(Document metadata, IdentitySettings.Registration registration, Instant now) throws SamlRefusal {
		if (!registration.metadataSignatureRequired()) {
			return;
		}
		SamlXml.registerIds(metadata);
		Element root = metadata.getDocumentElement();
		Element signature = EnvelopedSignatures.signatureOf(root)
			.orElseThrow(() -> new SamlRefusal(SamlRefusal.Reason.NOT_CONFIGURED, "metadata is not signed, but a trust anchor is configured"));
		List<X509Certificate> trusted = registration.metadataSigningCertificate() != null
				? anchorCertificates(Path.of(registration.metadataSigningCertificate()))
				: byFingerprint(metadata, registration.metadataSigningFingerprint());
		try {
			EnvelopedSignatures.verify(root, signature, trusted);
		}
		catch (SamlRefusal e) {
			throw new SamlRefusal(SamlRefusal.Reason.NOT_CONFIGURED, "metadata signature invalid: " + e.getMessage());
		}
		String validUntil = root.getAttribute("validUntil");
		if (!validUntil.isBlank()) {
			try {
				if (!OffsetDateTime.parse(validUntil).toInstant().isAfter(now)) {
					throw new SamlRefusal(SamlRefusal.Reason.NOT_CONFIGURED, "metadata validUntil has passed");
				}
			}
			catch (DateTimeParseException e) {
				throw new SamlRefusal(SamlRefusal.Reason.NOT_CONFIGURED, "metadata validUntil unreadable");
			}
		}
	}

	/** The certificates of a PEM file (one or more CERTIFICATE blocks) or of a DER file. */
	static List<X509Certificate> anchorCertificates(Path file) throws SamlRefusal {
		byte[] content;
		try {
			content = Files.readAllBytes(file);
		}
		catch (IOException e) {
			throw new SamlRefusal(SamlRefusal.Reason.NOT_CONFIGURED, "metadata trust anchor " + file + " cannot be read");
		}
		List<X509Certificate> certificates = new ArrayList<>();
		Matcher pem = PEM_CERTIFICATE.matcher(new String(content, StandardCharsets.US_ASCII));
		try {
			while (pem.find()) {
				certificates.add(certificate(Base64.getMimeDecoder().decode(pem.group(1))));
			}
			if (certificates.isEmpty()) {
				certificates.add(certificate(content));
			}
		}
		catch (CertificateException | IllegalArgumentException e) {
			throw new SamlRefusal(SamlRefusal.Reason.NOT_CONFIGURED, "metadata trust anchor " + file + " holds no certificate");
		}
		return certificates;
	}

	/**
	 * The certificates in the document (the signature's KeyInfo or a KeyDescriptor) with exactly the pinned
	 * fingerprint: where it is found does not matter, the fingerprint names the one certificate trusted.
	 */
	private static List<X509Certificate> byFingerprint(Document metadata, String fingerprint) throws SamlRefusal {
		List<X509Certificate> matching = new ArrayList<>();
		var carried = metadata.getElementsByTagNameNS(SamlXml.DSIG, "X509Certificate");
		for (int i = 0; i < carried.getLength(); i++) {
			try {
				X509Certificate certificate = certificate(Base64.getMimeDecoder().decode(SamlXml.text((Element) carried.item(i))));
				if (fingerprint.equals(fingerprint(certificate))) {
					matching.add(certificate);
				}
			}
			catch (CertificateException | IllegalArgumentException e) {
				// not a certificate: cannot be the anchor
			}
		}
		if (matching.isEmpty()) {
			throw new SamlRefusal(SamlRefusal.Reason.NOT_CONFIGURED, "metadata not signed with the certificate of the configured fingerprint");
		}
		return matching;
	}

	/** Lower-case hex SHA-256 of the certificate's DER encoding, as {@code openssl x509 -fingerprint -sha256} shows it (without colons). */
	static String fingerprint(X509Certificate certificate) {
		try {
			return Sha256.hex(certificate.getEncoded());
		}
		catch (CertificateEncodingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static X509Certificate certificate(byte[] der) throws CertificateException {
		return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
	}
}
