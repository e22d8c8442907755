// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.seal.keys;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A municipality's demo CA with a seal and a timestamp (TSA) certificate under it, kept as the
 * PKCS#12 keystore {@code <slug>.p12} (entries {@code ca}, {@code seal}, {@code tsa}) with a generated
 * password in {@code <slug>.password}, both readable by the owner only. Made on first use, reused
 * after every restart. The CA issues a fresh CRL (no certificate revoked) on demand, so a seal can
 * carry revocation data (PAdES B-LT) without any network.
 *
 * <p>The CA's key is RSA 3072 (its signatures on certificates and CRLs are verified with every seal, and
 * RSA verification is cheap); the seal and timestamp keys are ECDSA P-256, which sign with every seal
 * and cost a small fraction of an RSA 3072 signature (see docs/benchmarks.md, issue 13). A keystore made
 * before keeps its RSA keys.
 */
public final class DemoAuthority {

	private static final Logger log = LoggerFactory.getLogger(DemoAuthority.class);

	static final String CA = "ca";
	static final String SEAL = "seal";
	static final String TSA = "tsa";

	private static final Duration CRL_FRESH = Duration.ofHours(1);
	private static final int KEY_BITS = 3072;
	private static final String SIGNING_CURVE = "secp256r1";

	private final KeyStore store;
	private final byte[] keystore;
	private final char[] password;
	private final PrivateKey caKey;
	private final X509Certificate caCertificate;
	// read once: taking a key out of the PKCS#12 store decrypts it each time (a key derivation per seal)
	private final PrivateKey tsaKey;
	private final Clock clock;
	private byte[] crl = new byte[0];
	private Instant crlIssued = Instant.MIN;

	private DemoAuthority(KeyStore store, byte[] keystore, char[] password, Clock clock) throws GeneralSecurityException {
		this.store = store;
		this.keystore = keystore;
		this.password = password.clone();
		this.caKey = (PrivateKey) store.getKey(CA, password);
		this.caCertificate = (X509Certificate) store.getCertificate(CA);
		this.tsaKey = (PrivateKey) store.getKey(TSA, password);
		this.clock = clock;
	}

	/**
	 * The demo authority of the municipality, read from the directory or made there.
	 *
	 * @param crlUrl where the CA's CRL is published (written into the certificates)
	 */
	public static DemoAuthority openOrCreate(Path directory, String slug, String municipality, String crlUrl, Clock clock) {
		if (!slug.matches("[a-z0-9-]+")) {
			throw new IllegalArgumentException("not a municipality slug: " + slug);
		}
		Path keystore = directory.resolve(slug + ".p12");
		Path passwordFile = directory.resolve(slug + ".password");
		try {
			if (!Files.exists(keystore)) {
				create(directory, keystore, passwordFile, municipality, crlUrl, clock);
			}
			char[] password = Files.readString(passwordFile, StandardCharsets.US_ASCII).strip().toCharArray();
			byte[] bytes = Files.readAllBytes(keystore);
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(new ByteArrayInputStream(bytes), password);
			return new DemoAuthority(store, bytes, password, clock);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read or write the demo seal keystore " + keystore, e);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(keystore + " holds no usable demo seal keys; delete it and "
					+ passwordFile.getFileName() + " to have new ones made", e);
		}
	}

	/** The keystore file's content (PKCS#12). */
	public byte[] keyStore() {
		return keystore.clone();
	}

	public char[] password() {
		return password.clone();
	}

	public X509Certificate caCertificate() {
		return caCertificate;
	}

	public PrivateKey tsaKey() throws GeneralSecurityException {
		return tsaKey;
	}

	public X509Certificate tsaCertificate() throws GeneralSecurityException {
		return (X509Certificate) store.getCertificate(TSA);
	}

	/** The CA's current CRL (DER), issued anew when the last one is more than an hour old. */
	public synchronized byte[] crl() {
		Instant now = clock.instant();
		if (crlIssued.isBefore(now.minus(CRL_FRESH))) {
			try {
				X509v2CRLBuilder builder = new X509v2CRLBuilder(X500Name.getInstance(caCertificate.getSubjectX500Principal().getEncoded()),
						Date.from(now.minusSeconds(60)));
				builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(1))));
				builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(now.getEpochSecond())));
				builder.addExtension(Extension.authorityKeyIdentifier, false,
						new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(caCertificate));
				crl = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKey)).getEncoded();
				crlIssued = now;
			}
			catch (IOException | GeneralSecurityException | OperatorCreationException e) {
				throw new IllegalStateException("the demo CA could not issue its CRL", e);
			}
		}
		return crl.clone();
	}

	private static void create(Path directory, Path keystore, Path passwordFile, String municipality, String crlUrl, Clock clock)
			throws IOException, GeneralSecurityException {
		Files.createDirectories(directory);
		SecureRandom random = new SecureRandom();
		byte[] secret = new byte[24];
		random.nextBytes(secret);
		char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret).toCharArray();
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(KEY_BITS, random);
		KeyPair caKeys = generator.generateKeyPair();
		KeyPairGenerator signing = KeyPairGenerator.getInstance("EC");
		signing.initialize(new ECGenParameterSpec(SIGNING_CURVE), random);
		KeyPair sealKeys = signing.generateKeyPair();
		KeyPair tsaKeys = signing.generateKeyPair();
		Instant now = clock.instant();
		X500Name caName = name("Demo-CA " + municipality);
		X509Certificate ca = certificate(caName, caName, caKeys.getPublic(), caKeys.getPrivate(), now, Duration.ofDays(3650), null,
				builder -> builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
					.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)));
		X509Certificate seal = certificate(caName, name("Siegel " + municipality), sealKeys.getPublic(), caKeys.getPrivate(), now,
				Duration.ofDays(3 * 365), ca, builder -> builder
					.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
					.addExtension(Extension.cRLDistributionPoints, false, distributionPoint(crlUrl)));
		X509Certificate tsa = certificate(caName, name("Zeitstempel " + municipality), tsaKeys.getPublic(), caKeys.getPrivate(), now,
				Duration.ofDays(3 * 365), ca, builder -> builder
					.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
					.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping))
					.addExtension(Extension.cRLDistributionPoints, false, distributionPoint(crlUrl)));
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setKeyEntry(CA, caKeys.getPrivate(), password, new X509Certificate[] { ca });
		store.setKeyEntry(SEAL, sealKeys.getPrivate(), password, new X509Certificate[] { seal, ca });
		store.setKeyEntry(TSA, tsaKeys.getPrivate(), password, new X509Certificate[] { tsa, ca });
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		store.store(bytes, password);
		// password first, keystore last: a keystore on disk always has its password beside it
		writeOwnerOnly(passwordFile, new String(password).getBytes(StandardCharsets.US_ASCII));
		if (writeOwnerOnly(keystore, bytes.toByteArray())) {
			log.info("Made a demo seal CA with seal and timestamp certificates in {}", directory);
		}
	}

	/** Writes the file readable by the owner only, unless another start wrote it meanwhile; true if this one did. */
	private static boolean writeOwnerOnly(Path file, byte[] content) throws IOException {
		Path partial = file.resolveSibling(file.getFileName() + ".new");
		Files.deleteIfExists(partial);
		Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		Files.write(partial, content);
		try {
			Files.createLink(file, partial);
			return true;
		}
		catch (FileAlreadyExistsException e) {
			return false;
		}
		catch (UnsupportedOperationException | IOException e) {
			try {
				Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
				return true;
			}
			catch (FileAlreadyExistsException | AtomicMoveNotSupportedException again) {
				return false;
			}
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

	private interface Extensions {
		void add(X509v3CertificateBuilder builder) throws IOException;
	}

	private static X509Certificate certificate(X500Name issuer, X500Name subject, PublicKey key, PrivateKey issuerKey, Instant now,
			Duration validity, X509Certificate issuerCertificate, Extensions extensions) throws IOException, GeneralSecurityException {
		X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, new SecureRandom()).add(BigInteger.ONE),
				Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(validity)), subject, key);
		JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
		builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key));
		if (issuerCertificate != null) {
			builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuerCertificate));
		}
		extensions.add(builder);
		try {
			return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
		}
		catch (OperatorCreationException e) {
			throw new GeneralSecurityException(e);
		}
	}

	private static X500Name name(String commonName) {
		return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "DE").addRDN(BCStyle.O, "OpenRathaus Demo (kein echtes Siegel)")
			.addRDN(BCStyle.CN, commonName.length() > 64 ? commonName.substring(0, 64) : commonName).build();
	}

	private static CRLDistPoint distributionPoint(String url) {
		return new CRLDistPoint(new DistributionPoint[] { new DistributionPoint(
				new DistributionPointName(new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, url))), null, null) });
	}

	static X509Certificate parse(byte[] der) throws GeneralSecurityException {
		return (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
	}
}
