// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.seal.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import de.openrathaus.seal.keys.SealSettings.Municipality;
import de.openrathaus.tenancy.Tenant;

import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.KSPrivateKeyEntry;
import eu.europa.esig.dss.token.AbstractKeyStoreTokenConnection;
import eu.europa.esig.dss.token.Pkcs11SignatureToken;
import eu.europa.esig.dss.token.Pkcs12SignatureToken;
import eu.europa.esig.dss.token.SignatureTokenConnection;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The seal key of each municipality, opened once: its configured PKCS#12 keystore or PKCS#11 token,
 * or its demo authority (see {@link DemoAuthority}).
 */
@Component
public class SealKeys {

	private final SealSettings settings;
	private final Clock clock;
	private final Map<String, SealKey> keys = new ConcurrentHashMap<>();

	public SealKeys(SealSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	/** The municipality's seal key. */
	public SealKey of(Tenant tenant) {
		return keys.computeIfAbsent(tenant.slug(), slug -> open(tenant));
	}

	/** Where the demo CA of a municipality publishes its certificate and CRL (under the portal's address). */
	public static String demoCaPath(String slug) {
		return "/pruefen/zertifikate/" + slug;
	}

	private SealKey open(Tenant tenant) {
		Municipality municipality = settings.forMunicipality(tenant.slug());
		if (municipality.demo()) {
			String base = tenant.configuredPublicUrl().orElse("http://localhost:8080");
			DemoAuthority authority = DemoAuthority.openOrCreate(Path.of(settings.keyDirectory()), tenant.slug(), tenant.name(),
					base + demoCaPath(tenant.slug()) + ".crl", clock);
			Pkcs12SignatureToken token = new Pkcs12SignatureToken(authority.keyStore(), new KeyStore.PasswordProtection(authority.password()));
			DSSPrivateKeyEntry key = entry(token, DemoAuthority.SEAL);
			return new SealKey(token, key, List.of(new CertificateToken(authority.caCertificate())), authority);
		}
		SignatureTokenConnection token;
		String alias;
		if (municipality.pkcs12() != null) {
			SealSettings.Pkcs12 pkcs12 = municipality.pkcs12();
			try {
				token = new Pkcs12SignatureToken(Path.of(pkcs12.path()).toFile(), new KeyStore.PasswordProtection(pkcs12.password().toCharArray()));
			}
			catch (IOException e) {
				throw new UncheckedIOException("cannot read the seal keystore of " + tenant.slug() + ": " + pkcs12.path(), e);
			}
			alias = pkcs12.alias();
		}
		else {
			SealSettings.Pkcs11 pkcs11 = municipality.pkcs11();
			if (pkcs11.slot() < 0 && pkcs11.slotListIndex() < 0) {
				throw new IllegalStateException("the seal token of " + tenant.slug() + " needs pkcs11.slot or pkcs11.slot-list-index");
			}
			token = new Pkcs11SignatureToken(pkcs11.library(), () -> pkcs11.pin().toCharArray(), pkcs11.slot(), pkcs11.slotListIndex(), null);
			alias = pkcs11.alias();
		}
		DSSPrivateKeyEntry key = entry(token, alias);
		return new SealKey(token, key, trustAnchors(municipality, key), null);
	}

	private static DSSPrivateKeyEntry entry(SignatureTokenConnection token, String alias) {
		List<DSSPrivateKeyEntry> entries = token.getKeys();
		if (alias.isEmpty()) {
			if (entries.size() != 1) {
				throw new IllegalStateException("the seal keystore holds " + entries.size() + " keys: name the seal key's alias");
			}
			return entries.getFirst();
		}
		if (token instanceof AbstractKeyStoreTokenConnection keyStore) {
			return keyStore.getKey(alias);
		}
		return entries.stream().filter(e -> e instanceof KSPrivateKeyEntry ks && ks.getAlias().equals(alias)).findFirst()
			.orElseThrow(() -> new IllegalStateException("no seal key with alias " + alias));
	}

	/** The configured CA certificates, or else the top of the seal key's own chain. */
	private static List<CertificateToken> trustAnchors(Municipality municipality, DSSPrivateKeyEntry key) {
		List<CertificateToken> anchors = new ArrayList<>();
		try {
			CertificateFactory factory = CertificateFactory.getInstance("X.509");
			for (String file : municipality.trustAnchors()) {
				try (var in = Files.newInputStream(Path.of(file))) {
					for (var certificate : factory.generateCertificates(in)) {
						anchors.add(new CertificateToken((X509Certificate) certificate));
					}
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read a seal trust anchor", e);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("a seal trust anchor is not a certificate", e);
		}
		if (anchors.isEmpty()) {
			CertificateToken[] chain = key.getCertificateChain();
			anchors.add(chain[chain.length - 1]);
		}
		return List.copyOf(anchors);
	}

	/**
	 * A municipality's seal key with the CA certificates the check trusts for it.
	 *
	 * @param demo the demo authority (its timestamps and CRL), or null for a configured key
	 */
	public record SealKey(SignatureTokenConnection token, DSSPrivateKeyEntry key, List<CertificateToken> trustAnchors,
			@Nullable DemoAuthority demo) {

		@Override
		public String toString() {
			return "SealKey[" + key.getCertificate().getSubject().getRFC2253() + "]";
		}
	}
}
