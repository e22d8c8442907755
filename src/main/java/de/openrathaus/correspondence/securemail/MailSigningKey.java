// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.securemail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import de.openrathaus.tenancy.Tenant;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The municipality's key for signing outgoing mail (S/MIME). In production a PKCS#12 file per
 * municipality, issued by a CA the recipients' mail clients trust, configured as
 * {@code openrathaus.secure-mail.signing-keystore} (with {@code {slug}} for the municipality) and
 * {@code signing-password}. Without one (the embedded demo), a demo CA and signing certificate per
 * municipality are made on first use and kept, owner-only, under {@code data/mail-signing/}.
 */
@Component
public class MailSigningKey {

	private final Settings settings;
	private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();

	MailSigningKey(Settings settings) {
		this.settings = settings;
	}

	/** {@code openrathaus.secure-mail.*}. */
	@ConfigurationProperties("openrathaus.secure-mail")
	public record Settings(@Nullable String signingKeystore, @Nullable String signingPassword, @Nullable Path demoDirectory) {

		public Settings {
			demoDirectory = demoDirectory == null ? Path.of("data", "mail-signing") : demoDirectory;
		}
	}

	/** The signing key with its certificate chain (signing certificate first). */
	public record Loaded(PrivateKey privateKey, X509Certificate certificate, List<X509Certificate> chain) {
	}

	public Loaded of(Tenant tenant, String senderAddress) {
		return loaded.computeIfAbsent(tenant.slug(), slug -> load(tenant, senderAddress));
	}

	private Loaded load(Tenant tenant, String senderAddress) {
		try {
			if (settings.signingKeystore() != null) {
				return read(Path.of(settings.signingKeystore().replace("{slug}", tenant.slug())), password());
			}
			Path file = settings.demoDirectory().resolve(tenant.slug() + ".p12");
			if (!Files.exists(file)) {
				create(file, tenant.name(), senderAddress);
			}
			return read(file, password());
		}
		catch (Exception e) {
			throw new IllegalStateException("The mail signing key of " + tenant.slug() + " cannot be read", e);
		}
	}

	private char[] password() {
		return (settings.signingPassword() == null ? "openrathaus-demo" : settings.signingPassword()).toCharArray();
	}

	private static Loaded read(Path file, char[] password) throws Exception {
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(file)) {
			store.load(in, password);
		}
		String alias = store.aliases().nextElement();
		Certificate[] chain = store.getCertificateChain(alias);
		List<X509Certificate> certificates = java.util.Arrays.stream(chain).map(X509Certificate.class::cast).toList();
		return new Loaded((PrivateKey) store.getKey(alias, password), certificates.getFirst(), certificates);
	}

	/** A demo CA and an e-mail protection certificate it issues for the sender address; never for production. */
	private void create(Path file, String municipality, String senderAddress) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(3072, new SecureRandom());
		KeyPair caKeys = generator.generateKeyPair();
		KeyPair keys = generator.generateKeyPair();
		Instant now = Instant.now();
		X500Name caName = name(municipality + " demo mail CA (not for production)", null);
		X509v3CertificateBuilder ca = new JcaX509v3CertificateBuilder(caName, serial(), Date.from(now.minus(Duration.ofDays(1))),
				Date.from(now.plus(Duration.ofDays(3650))), caName, caKeys.getPublic());
		ca.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
		ca.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
		X509Certificate caCertificate = certificate(ca, caKeys.getPrivate());
		X509v3CertificateBuilder leaf = new JcaX509v3CertificateBuilder(caName, serial(), Date.from(now.minus(Duration.ofDays(1))),
				Date.from(now.plus(Duration.ofDays(1095))), name(municipality, senderAddress), keys.getPublic());
		leaf.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
		leaf.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
		leaf.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_emailProtection));
		leaf.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.rfc822Name, senderAddress)));
		X509Certificate certificate = certificate(leaf, caKeys.getPrivate());

		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setKeyEntry("mail-signing", keys.getPrivate(), password(), new Certificate[] {certificate, caCertificate});
		Files.createDirectories(file.getParent());
		Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
		try (OutputStream out = Files.newOutputStream(temporary)) {
			store.store(out, password());
		}
		ownerOnly(temporary);
		Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
		Files.write(file.resolveSibling(file.getFileName().toString().replace(".p12", "-ca.pem")), pem(caCertificate));
	}

	private static X500Name name(String commonName, @Nullable String email) {
		X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "DE").addRDN(BCStyle.CN, commonName);
		if (email != null) {
			builder.addRDN(BCStyle.EmailAddress, email);
		}
		return builder.build();
	}

	private static X509Certificate certificate(X509v3CertificateBuilder builder, PrivateKey issuerKey) throws Exception {
		return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
	}

	private static BigInteger serial() {
		return new BigInteger(120, new SecureRandom());
	}

	private static byte[] pem(X509Certificate certificate) throws Exception {
		String base64 = java.util.Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
			.encodeToString(certificate.getEncoded());
		return ("-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
	}

	private static void ownerOnly(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException e) {
			// not a POSIX file system (Windows): the data folder's own permissions apply
		}
	}
}
