// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.securemail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;

import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.smime.SMIMECapabilitiesAttribute;
import org.bouncycastle.asn1.smime.SMIMECapability;
import org.bouncycastle.asn1.smime.SMIMECapabilityVector;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.mail.smime.SMIMEEnvelopedGenerator;
import org.bouncycastle.mail.smime.SMIMESignedGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;

/**
 * The cryptography of outgoing mail, on Bouncy Castle: the municipality's S/MIME signature
 * (multipart/signed, detached, SHA-256 with RSA, RFC 8551) and encryption to the citizen's key,
 * either S/MIME (CMS EnvelopedData, AES-256-CBC, RSA key transport) or OpenPGP (PGP/MIME, RFC
 * 3156: AES-256 with integrity protection). The content is signed first and then encrypted, so
 * only the recipient sees who signed it, and the signature survives decryption.
 */
public final class MailCrypto {

	private MailCrypto() {
	}

	/** A detached S/MIME signature over the part, by the municipality's mail key. */
	public static MimeMultipart sign(MimeBodyPart content, MailSigningKey.Loaded key) throws Exception {
		SMIMECapabilityVector capabilities = new SMIMECapabilityVector();
		capabilities.addCapability(SMIMECapability.aES256_CBC);
		ASN1EncodableVector attributes = new ASN1EncodableVector();
		attributes.add(new SMIMECapabilitiesAttribute(capabilities));
		SMIMESignedGenerator generator = new SMIMESignedGenerator();
		generator.addSignerInfoGenerator(new JcaSimpleSignerInfoGeneratorBuilder().setSignedAttributeGenerator(new AttributeTable(attributes))
			.build("SHA256withRSA", key.privateKey(), key.certificate()));
		generator.addCertificates(new JcaCertStore(key.chain()));
		return generator.generate(content);
	}

	/** The part encrypted to an S/MIME certificate (DER). */
	public static MimeBodyPart encryptSmime(MimeBodyPart content, byte[] certificateDer) throws Exception {
		X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
			.generateCertificate(new ByteArrayInputStream(certificateDer));
		SMIMEEnvelopedGenerator generator = new SMIMEEnvelopedGenerator();
		generator.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(certificate));
		return generator.generate(content, new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_CBC).build());
	}

	/** The part encrypted to an OpenPGP key as PGP/MIME (multipart/encrypted). */
	public static MimeMultipart encryptOpenPgp(MimeBodyPart content, byte[] publicKeyRing, Instant now) throws Exception {
		PGPPublicKeyRing ring = (PGPPublicKeyRing) new BcPGPObjectFactory(publicKeyRing).nextObject();
		PGPPublicKey key = MailKeyParser.encryptionKey(ring, now)
			.orElseThrow(() -> new IllegalStateException("no usable encryption key in the stored OpenPGP key"));
		ByteArrayOutputStream plain = new ByteArrayOutputStream();
		content.writeTo(plain);

		ByteArrayOutputStream armoured = new ByteArrayOutputStream();
		try (ArmoredOutputStream armour = ArmoredOutputStream.builder().clearHeaders().build(armoured)) {
			PGPEncryptedDataGenerator encryption = new PGPEncryptedDataGenerator(
					new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256).setWithIntegrityPacket(true).setSecureRandom(new SecureRandom()));
			encryption.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(key));
			try (OutputStream encrypted = encryption.open(armour, new byte[1 << 16])) {
				PGPLiteralDataGenerator literal = new PGPLiteralDataGenerator();
				try (OutputStream data = literal.open(encrypted, PGPLiteralData.BINARY, "", plain.size(), new Date(now.toEpochMilli()))) {
					data.write(plain.toByteArray());
				}
			}
		}
		MimeBodyPart control = new MimeBodyPart();
		control.setContent("Version: 1\r\n", "application/pgp-encrypted");
		control.setHeader("Content-Description", "PGP/MIME version identification");
		MimeBodyPart body = new MimeBodyPart();
		body.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(armoured.toByteArray(), "application/octet-stream")));
		body.setHeader("Content-Type", "application/octet-stream; name=\"encrypted.asc\"");
		body.setHeader("Content-Disposition", "inline; filename=\"encrypted.asc\"");
		body.setHeader("Content-Description", "OpenPGP encrypted message");
		MimeMultipart multipart = new MimeMultipart("encrypted; protocol=\"application/pgp-encrypted\"");
		multipart.addBodyPart(control);
		multipart.addBodyPart(body);
		return multipart;
	}
}
