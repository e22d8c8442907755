// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.demoidp.keys;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signing keys of the demo identity providers, one per provider name, kept as
 * {@code <name>.pem} (private key and self-signed certificate) in the key directory, readable only
 * by the owner of the process, and the certificate alone as {@code <name>.crt}. Generated on first
 * use and reused after every restart, so that a service provider that read the metadata once (or names
 * the certificate as the trust anchor of the metadata) keeps trusting it.
 */
public final class SigningKeys {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

	private final Path directory;
	private final int keySize;
	private final Clock clock;
	private final Map<String, SigningKey> keys = new ConcurrentHashMap<>();

	public SigningKeys(Path directory, int keySize, Clock clock) {
		this.directory = directory;
		this.keySize = keySize;
		this.clock = clock;
	}

	/** The key of the provider with this name (letters, digits and hyphens), read or made once. */
	public SigningKey of(String name) {
		if (!name.matches("[a-z0-9-]+")) {
			throw new IllegalArgumentException("not a provider name: " + name);
		}
		return keys.computeIfAbsent(name, this::readOrCreate);
	}

	private SigningKey readOrCreate(String name) {
		Path file = directory.resolve(name + ".pem");
		try {
			if (!Files.exists(file)) {
				create(name, file);
			}
			SigningKey key = read(file);
			publishCertificate(name, key.certificate());
			return key;
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read or write the demo identity provider's key " + file, e);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(file + " holds no usable key and certificate; delete it to have a new one made", e);
		}
	}

	private void create(String name, Path file) throws IOException, GeneralSecurityException {
		Files.createDirectories(directory);
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(keySize, new SecureRandom());
		KeyPair pair = generator.generateKeyPair();
		Instant now = clock.instant();
		X500Name subject = new X500Name("CN=OpenRathaus demo identity provider " + name + ", O=OpenRathaus demo");
		X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(64, new SecureRandom()),
				Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), subject, pair.getPublic());
		X509Certificate certificate;
		try {
			certificate = new JcaX509CertificateConverter().getCertificate(
					builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
		}
		catch (OperatorCreationException e) {
			throw new GeneralSecurityException(e);
		}
		String pem = pem("PRIVATE KEY", pair.getPrivate().getEncoded()) + pem("CERTIFICATE", certificate.getEncoded());
		Path partial = directory.resolve(name + ".pem.new");
		Files.deleteIfExists(partial);
		Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		Files.writeString(partial, pem, StandardCharsets.US_ASCII, StandardOpenOption.WRITE);
		try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
			channel.force(true);
		}
		try {
			// never replace a key another start made meanwhile: service providers may already trust it
			Files.createLink(file, partial);
			log.info("Made a signing key for the demo identity provider '{}' in {}", name, directory);
		}
		catch (FileAlreadyExistsException e) {
			// another start was faster; its key counts
		}
		catch (UnsupportedOperationException | IOException e) {
			if (!Files.exists(file)) {
				Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
			}
		}
		Files.deleteIfExists(partial);
	}

	/**
	 * Writes the certificate alone to {@code <name>.crt} (readable by all: it is public), the trust anchor a
	 * service provider's configuration names to check this provider's signed metadata.
	 */
	private void publishCertificate(String name, X509Certificate certificate) throws IOException, GeneralSecurityException {
		Path file = directory.resolve(name + ".crt");
		String pem = pem("CERTIFICATE", certificate.getEncoded());
		if (!Files.exists(file) || !Files.readString(file, StandardCharsets.US_ASCII).equals(pem)) {
			Path partial = directory.resolve(name + ".crt.new");
			Files.writeString(partial, pem, StandardCharsets.US_ASCII);
			Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
	}

	private static SigningKey read(Path file) throws IOException, GeneralSecurityException {
		String text = Files.readString(file, StandardCharsets.US_ASCII);
		byte[] key = null;
		byte[] certificate = null;
		Matcher matcher = PEM.matcher(text);
		while (matcher.find()) {
			byte[] der = Base64.getMimeDecoder().decode(matcher.group(2));
			switch (matcher.group(1)) {
				case "PRIVATE KEY" -> key = der;
				case "CERTIFICATE" -> certificate = der;
				default -> {
				}
			}
		}
		if (key == null || certificate == null) {
			throw new GeneralSecurityException("private key or certificate missing");
		}
		return new SigningKey(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(key)),
				(X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(certificate)));
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + type
				+ "-----\n";
	}
}
