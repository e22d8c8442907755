// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.securemail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.bouncycastle.bcpg.ArmoredInputStream;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.jspecify.annotations.Nullable;

/**
 * Reads what a citizen uploads as their key, defensively (it is hostile input until proven
 * otherwise): an X.509 certificate for S/MIME (PEM or DER) or an ASCII-armoured OpenPGP public
 * key. Refuses, with a message code, what cannot encrypt mail to them now: expired or not yet
 * valid, revoked (OpenPGP: a revocation signature on the key), no key for encryption, a
 * certificate not for e-mail or not for their address, an RSA key below 2048 bits.
 */
public final class MailKeyParser {

	/** Uploads above this size are refused before parsing. */
	public static final int MAX_BYTES = 64 * 1024;
	private static final String EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4";
	private static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";

	private MailKeyParser() {
	}

	/** The key, or the message code saying why it cannot be used. */
	public record Result(@Nullable MailKey key, @Nullable String error) {

		static Result refused(String code) {
			return new Result(null, "securemail.key." + code);
		}
	}

	public static Result parse(byte[] upload, String accountEmail, Instant now) {
		if (upload.length == 0) {
			return Result.refused("empty");
		}
		if (upload.length > MAX_BYTES) {
			return Result.refused("tooLarge");
		}
		String text = new String(upload, StandardCharsets.US_ASCII);
		if (text.contains("-----BEGIN PGP PUBLIC KEY BLOCK-----")) {
			return openPgp(upload, now);
		}
		if (text.contains("-----BEGIN PGP PRIVATE KEY BLOCK-----")) {
			return Result.refused("private");
		}
		return certificate(upload, accountEmail, now);
	}

	private static Result certificate(byte[] upload, String accountEmail, Instant now) {
		X509Certificate certificate;
		try {
			Collection<? extends java.security.cert.Certificate> all = CertificateFactory.getInstance("X.509")
				.generateCertificates(new ByteArrayInputStream(upload));
			if (all.isEmpty() || !(all.iterator().next() instanceof X509Certificate first)) {
				return Result.refused("unreadable");
			}
			certificate = first;
		}
		catch (CertificateException | RuntimeException e) {
			return Result.refused("unreadable");
		}
		if (certificate.getNotAfter().toInstant().isBefore(now)) {
			return Result.refused("expired");
		}
		if (certificate.getNotBefore().toInstant().isAfter(now)) {
			return Result.refused("notYetValid");
		}
		if (!(certificate.getPublicKey() instanceof java.security.interfaces.RSAPublicKey rsa)) {
			return Result.refused("rsaOnly");
		}
		if (rsa.getModulus().bitLength() < 2048) {
			return Result.refused("weak");
		}
		boolean[] usage = certificate.getKeyUsage();
		if (usage != null && !usage[2]) { // keyEncipherment
			return Result.refused("notForEncryption");
		}
		try {
			List<String> extended = certificate.getExtendedKeyUsage();
			if (extended != null && !extended.contains(EMAIL_PROTECTION) && !extended.contains(ANY_EXTENDED_KEY_USAGE)) {
				return Result.refused("notForMail");
			}
			if (!addresses(certificate).contains(accountEmail.toLowerCase(Locale.ROOT))) {
				return Result.refused("otherAddress");
			}
			return new Result(new MailKey(MailKey.Kind.SMIME, fingerprint(certificate.getEncoded()), certificate.getNotAfter().toInstant(),
					certificate.getEncoded()), null);
		}
		catch (CertificateException e) {
			return Result.refused("unreadable");
		}
	}

	/** The e-mail addresses a certificate is for: its rfc822Name alternative names and the subject's e-mail attribute. */
	private static List<String> addresses(X509Certificate certificate) throws java.security.cert.CertificateParsingException {
		List<String> addresses = new ArrayList<>();
		Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
		if (alternatives != null) {
			for (List<?> name : alternatives) {
				if (name.size() == 2 && Integer.valueOf(1).equals(name.get(0)) && name.get(1) instanceof String address) {
					addresses.add(address.toLowerCase(Locale.ROOT));
				}
			}
		}
		String subject = certificate.getSubjectX500Principal().getName(javax.security.auth.x500.X500Principal.RFC2253);
		for (String part : subject.split(",")) {
			if (part.startsWith("1.2.840.113549.1.9.1=#")) {
				// the e-mail attribute, DER-encoded IA5String after the '#'
				byte[] der = HexFormat.of().parseHex(part.substring(part.indexOf('#') + 1));
				if (der.length > 2) {
					addresses.add(new String(der, 2, der.length - 2, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT));
				}
			}
		}
		return addresses;
	}

	private static Result openPgp(byte[] upload, Instant now) {
		PGPPublicKeyRing ring;
		try (InputStream in = new ArmoredInputStream(new ByteArrayInputStream(upload))) {
			Object object = new BcPGPObjectFactory(in).nextObject();
			if (!(object instanceof PGPPublicKeyRing found)) {
				return Result.refused("unreadable");
			}
			ring = found;
		}
		catch (IOException | RuntimeException e) {
			return Result.refused("unreadable");
		}
		PGPPublicKey primary = ring.getPublicKey();
		if (primary == null) {
			return Result.refused("unreadable");
		}
		if (primary.hasRevocation()) {
			return Result.refused("revoked");
		}
		Instant primaryExpiry = expiry(primary);
		if (primaryExpiry != null && !primaryExpiry.isAfter(now)) {
			return Result.refused("expired");
		}
		if (encryptionKey(ring, now).isEmpty()) {
			return Result.refused("notForEncryption");
		}
		try {
			return new Result(new MailKey(MailKey.Kind.OPENPGP, HexFormat.of().withUpperCase().formatHex(primary.getFingerprint()), primaryExpiry,
					ring.getEncoded()), null);
		}
		catch (IOException e) {
			return Result.refused("unreadable");
		}
	}

	/** The key of the ring that encrypts to its owner now: not revoked, not expired, flagged (or able) to encrypt. */
	static Optional<PGPPublicKey> encryptionKey(PGPPublicKeyRing ring, Instant now) {
		Iterator<PGPPublicKey> keys = ring.getPublicKeys();
		PGPPublicKey chosen = null;
		while (keys.hasNext()) {
			PGPPublicKey key = keys.next();
			if (!key.isEncryptionKey() || key.hasRevocation()) {
				continue;
			}
			Instant expiry = expiry(key);
			if (expiry != null && !expiry.isAfter(now)) {
				continue;
			}
			if (!key.isMasterKey() && !flaggedForEncryption(key)) {
				continue;
			}
			chosen = key; // the last usable one: subkeys follow the primary key, the newest last
		}
		return Optional.ofNullable(chosen);
	}

	private static boolean flaggedForEncryption(PGPPublicKey key) {
		Iterator<PGPSignature> signatures = key.getSignaturesOfType(PGPSignature.SUBKEY_BINDING);
		boolean anyFlags = false;
		while (signatures.hasNext()) {
			PGPSignature signature = signatures.next();
			if (signature.getHashedSubPackets() != null && signature.getHashedSubPackets().getKeyFlags() != 0) {
				anyFlags = true;
				int flags = signature.getHashedSubPackets().getKeyFlags();
				if ((flags & (KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE)) != 0) {
					return true;
				}
			}
		}
		return !anyFlags;
	}

	private static @Nullable Instant expiry(PGPPublicKey key) {
		long seconds = key.getValidSeconds();
		return seconds <= 0 ? null : key.getCreationTime().toInstant().plusSeconds(seconds);
	}

	/** SHA-256 of the certificate, as mail clients show it: pairs of upper-case hex digits separated by colons. */
	private static String fingerprint(byte[] der) {
		String hex = de.openrathaus.files.Sha256.hex(der).toUpperCase(Locale.ROOT);
		StringBuilder pairs = new StringBuilder();
		for (int i = 0; i < hex.length(); i += 2) {
			pairs.append(i == 0 ? "" : ":").append(hex, i, i + 2);
		}
		return pairs.toString();
	}
}
