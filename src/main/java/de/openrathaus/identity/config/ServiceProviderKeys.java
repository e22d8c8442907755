// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.identity.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The service provider key of each municipality: from its PKCS#12 file or PEM files if configured,
 * otherwise generated once (RSA 3072, self-signed certificate, ten years) into the key directory,
 * the private key readable by the owner only, and reused at every start and by every node that
 * shares the directory. The identity provider learns the certificate from our metadata.
 */
@Component
public class ServiceProviderKeys {

	private static final Logger log = LoggerFactory.getLogger(ServiceProviderKeys.class);
	private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");

	private final IdentitySettings settings;
	private final Clock clock;
	private final Map<String, ServiceProviderCredential> credentials = new ConcurrentHashMap<>();

	public ServiceProviderKeys(IdentitySettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	/** The credential of the municipality with this slug, loaded or generated on first use. */
	public ServiceProviderCredential of(String slug) {
		return credentials.computeIfAbsent(slug, this::load);
	}

	private ServiceProviderCredential load(String slug) {
		IdentitySettings.TenantSettings tenant = settings.tenant(slug).orElse(null);
		try {
			if (tenant != null && tenant.keyStore() != null && !tenant.keyStore().isBlank()) {
				return fromKeyStore(Path.of(tenant.keyStore()), tenant.keyStorePassword(), tenant.keyAlias());
			}
			if (tenant != null && tenant.privateKey() != null && tenant.certificate() != null) {
				return fromPem(Path.of(tenant.privateKey()), Path.of(tenant.certificate()));
			}
			return generated(slug);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("the service provider key of " + slug + " cannot be read", e);
		}
	}

	private static ServiceProviderCredential fromKeyStore(Path file, String password, String alias)
			throws IOException, GeneralSecurityException {
		char[] secret = password == null ? new char[0] : password.toCharArray();
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(file)) {
			store.load(in, secret);
		}
		String entry = alias;
		if (entry == null || entry.isBlank()) {
			entry = Collections.list(store.aliases()).stream().filter(a -> isKey(store, a)).findFirst()
				.orElseThrow(() -> new IllegalStateException(file + " holds no private key"));
		}
		return new ServiceProviderCredential((PrivateKey) store.getKey(entry, secret), (X509Certificate) store.getCertificate(entry));
	}

	private static boolean isKey(KeyStore store, String alias) {
		try {
			return store.isKeyEntry(alias);
		}
		catch (GeneralSecurityException e) {
			return false;
		}
	}

	static ServiceProviderCredential fromPem(Path keyFile, Path certificateFile) throws IOException, GeneralSecurityException {
		byte[] der = pemBody(Files.readString(keyFile, StandardCharsets.US_ASCII), "PRIVATE KEY");
		PrivateKey key;
		try {
			key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
		}
		catch (GeneralSecurityException notRsa) {
			key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
		}
		X509Certificate certificate;
		try (InputStream in = Files.newInputStream(certificateFile)) {
			certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
		}
		return new ServiceProviderCredential(key, certificate);
	}

	private static byte[] pemBody(String text, String type) {
		Matcher matcher = PEM.matcher(text);
		while (matcher.find()) {
			if (matcher.group(1).equals(type)) {
				return Base64.getMimeDecoder().decode(matcher.group(2));
			}
		}
		throw new IllegalStateException("no PEM block " + type);
	}

	private ServiceProviderCredential generated(String slug) throws IOException, GeneralSecurityException {
		Path directory = Path.of(settings.keyDirectory());
		Path keyFile = directory.resolve(slug + "-sp-key.pem");
		Path certificateFile = directory.resolve(slug + "-sp-certificate.pem");
		if (Files.exists(keyFile) && Files.exists(certificateFile)) {
			return fromPem(keyFile, certificateFile);
		}
		Files.createDirectories(directory);
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(3072);
		KeyPair pair = generator.generateKeyPair();
		X509Certificate certificate = selfSigned(pair, "CN=OpenRathaus SAML SP " + slug, clock.instant());
		writeOwnerOnly(keyFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
		writeOwnerOnly(certificateFile, pem("CERTIFICATE", certificate.getEncoded()));
		log.info("Generated a service provider key for municipality {} in {}", slug, directory);
		return new ServiceProviderCredential(pair.getPrivate(), certificate);
	}

	/** A self-signed certificate for a key pair, valid from a minute before {@code now} for ten years. */
	public static X509Certificate selfSigned(KeyPair pair, String subject, Instant now) throws GeneralSecurityException {
		X500Name name = new X500Name(subject);
		BigInteger serial = new BigInteger(64, new SecureRandom());
		Date from = Date.from(now.minus(Duration.ofMinutes(1)));
		Date until = Date.from(now.plus(Duration.ofDays(3653)));
		try {
			var signer = new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate());
			var holder = new JcaX509v3CertificateBuilder(name, serial, from, until, name, pair.getPublic()).build(signer);
			return new JcaX509CertificateConverter().getCertificate(holder);
		}
		catch (OperatorCreationException e) {
			throw new GeneralSecurityException(e);
		}
	}

	static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

	private static void writeOwnerOnly(Path file, String content) throws IOException {
		Path partial = file.resolveSibling(file.getFileName() + ".new");
		Files.deleteIfExists(partial);
		Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		Files.writeString(partial, content, StandardCharsets.US_ASCII);
		Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}
}
