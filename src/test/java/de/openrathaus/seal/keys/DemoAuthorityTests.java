// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.seal.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo CA is made once, kept owner-only, and is the same after a restart. */
class DemoAuthorityTests {

	@Test
	void madeOnceKeptOwnerOnlyAndTheSameAfterARestart(@TempDir Path directory) throws Exception {
		Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
		DemoAuthority first = DemoAuthority.openOrCreate(directory, "musterstadt", "Stadt Musterstadt", "http://localhost/crl", clock);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("musterstadt.p12")))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("musterstadt.password")))).isEqualTo("rw-------");
		assertThat(Files.readString(directory.resolve("musterstadt.password")).strip()).hasSizeGreaterThanOrEqualTo(32);

		DemoAuthority again = DemoAuthority.openOrCreate(directory, "musterstadt", "Stadt Musterstadt", "http://localhost/crl", clock);
		assertThat(again.caCertificate()).isEqualTo(first.caCertificate());
		assertThat(again.tsaCertificate()).isEqualTo(first.tsaCertificate());
		assertThat(again.tsaCertificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.8");
		again.tsaCertificate().verify(first.caCertificate().getPublicKey());

		X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new java.io.ByteArrayInputStream(again.crl()));
		crl.verify(first.caCertificate().getPublicKey());
		assertThat(crl.getRevokedCertificates()).isNull();
		assertThat(crl.getNextUpdate().toInstant()).isAfter(clock.instant());

		DemoAuthority other = DemoAuthority.openOrCreate(directory, "nachbarstadt", "Stadt Nachbarstadt", "http://localhost/crl", clock);
		assertThat(other.caCertificate()).isNotEqualTo(first.caCertificate());
	}
}
