// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.identity.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;

import de.openrathaus.identity.TestIdentityProviderAccess;
import de.openrathaus.identity.config.IdentitySettings;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * Identity provider metadata with a trust anchor configured: only metadata signed by the anchor's key
 * (or by the certificate with the configured fingerprint) is read; unsigned, forged, altered or stale
 * metadata is refused and the registration is not available. Without an anchor nothing changes.
 */
class MetadataTrustTests {

	final TestIdentityProviderAccess idp = new TestIdentityProviderAccess();
	final Instant now = Instant.now();

	static IdentitySettings.Registration anchoredBy(String certificate, String fingerprint) {
		return new IdentitySettings.Registration(null, "x", null, null, null, null, certificate, fingerprint);
	}

	static Document parse(byte[] xml) throws SamlRefusal {
		return SamlXml.parse(xml);
	}

	static void refused(byte[] metadata, IdentitySettings.Registration registration, Instant now, String detail) {
		assertThatThrownBy(() -> MetadataTrust.verify(parse(metadata), registration, now)).isInstanceOf(SamlRefusal.class)
			.hasMessageContaining(detail)
			.extracting(e -> ((SamlRefusal) e).reason()).isEqualTo(SamlRefusal.Reason.NOT_CONFIGURED);
	}

	@Test
	void metadataSignedWithTheAnchorsKeyIsRead() throws Exception {
		var registration = anchoredBy(idp.certificateFile().toString(), null);
		Document metadata = parse(idp.signedMetadata(null));
		MetadataTrust.verify(metadata, registration, now);
		assertThat(IdentityProvider.fromMetadata(metadata).entityId()).isEqualTo("https://bundid.test/idp");
	}

	@Test
	void unsignedForgedOrAlteredMetadataIsRefusedWhenAnAnchorIsConfigured() throws Exception {
		var registration = anchoredBy(idp.certificateFile().toString(), null);
		refused(idp.metadata(), registration, now, "not signed");

		var generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		refused(idp.signedMetadata(generator.generateKeyPair().getPrivate()), registration, now, "signature invalid");

		// the single sign-on address moved to the attacker's after signing
		String altered = new String(idp.signedMetadata(null), StandardCharsets.UTF_8).replace("https://bundid.test/idp/sso",
				"https://attacker.test/sso");
		refused(altered.getBytes(StandardCharsets.UTF_8), registration, now, "signature invalid");

		refused(idp.signedMetadata(null), anchoredBy("target/identity-test/no-such.crt", null), now, "cannot be read");
	}

	@Test
	void theFingerprintNamesTheCertificateThatMustHaveSigned() throws Exception {
		String fingerprint = MetadataTrust.fingerprint(idp.certificate());
		String withColons = fingerprint.toUpperCase().replaceAll("(..)(?!$)", "$1:");
		MetadataTrust.verify(parse(idp.signedMetadata(null)), anchoredBy(null, withColons), now);

		// a forger's metadata carries the forger's certificate, which does not have the fingerprint
		var other = new TestIdentityProviderAccess();
		refused(other.signedMetadata(null), anchoredBy(null, fingerprint), now, "fingerprint");
		refused(idp.metadata(), anchoredBy(null, fingerprint), now, "not signed");
		assertThatThrownBy(() -> anchoredBy(null, "abc123")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("64 hex digits");
	}

	@Test
	void signedMetadataPastItsValidUntilIsStale() throws Exception {
		var registration = anchoredBy(idp.certificateFile().toString(), null);
		byte[] metadata = idp.signedMetadata(null, now.plus(Duration.ofDays(7)));
		MetadataTrust.verify(parse(metadata), registration, now);
		refused(metadata, registration, now.plus(Duration.ofDays(8)), "validUntil has passed");
	}

	@Test
	void withoutAnAnchorMetadataIsReadAsBefore() throws Exception {
		Document unsigned = parse(idp.metadata());
		MetadataTrust.verify(unsigned, new IdentitySettings.Registration(null, "x", null, null, null, null, null, null), now);
		assertThat(IdentityProvider.fromMetadata(unsigned).entityId()).isEqualTo("https://bundid.test/idp");
	}
}
