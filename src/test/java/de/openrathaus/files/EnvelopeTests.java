// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.UUID;

import de.openrathaus.tenancy.TenantId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Envelope encryption at rest: sealed per item, bound to municipality and context, keys rotated. */
class EnvelopeTests {

	@TempDir
	Path keys;

	final TenantId musterstadt = new TenantId(UUID.randomUUID());
	final TenantId beispieldorf = new TenantId(UUID.randomUUID());
	final byte[] content = "Bescheid über die Hundesteuer für Erika Mustermann".getBytes(StandardCharsets.UTF_8);
	final String sha = Sha256.hex(content);

	Envelope cipher() {
		return new Envelope(new Keyrings(keys, tenant -> tenant.equals(musterstadt) ? "musterstadt" : "beispieldorf"));
	}

	@Test
	void aSealedItemOpensOnlyForItsMunicipalityAndContext() throws Exception {
		Envelope cipher = cipher();
		byte[] sealed = cipher.seal(musterstadt, sha, content);

		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("Erika").doesNotContain("Hundesteuer");
		assertThat(cipher.open(musterstadt, sha, sealed)).isEqualTo(content);
		assertThat(Envelope.version(sealed)).isOne();
		// the keyring was made on first use, for the owner only
		Path keyring = keys.resolve("musterstadt.keyring");
		assertThat(Files.getPosixFilePermissions(keyring)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

		assertThatThrownBy(() -> cipher.open(musterstadt, Sha256.hex("anderes".getBytes()), sealed)).isInstanceOf(Envelope.Damaged.class);
		assertThatThrownBy(() -> cipher.open(beispieldorf, sha, sealed)).isInstanceOf(Envelope.Damaged.class);
		byte[] tampered = sealed.clone();
		tampered[tampered.length - 20] ^= 1;
		assertThatThrownBy(() -> cipher.open(musterstadt, sha, tampered)).isInstanceOf(Envelope.Damaged.class);
	}

	@Test
	void anItemStoredBeforeEncryptionIsReadAsItIsAndSealedByTheRotation() {
		Envelope cipher = cipher();
		assertThat(cipher.open(musterstadt, sha, content)).isEqualTo(content);
		byte[] encrypted = cipher.rewrap(musterstadt, sha, content).orElseThrow();
		assertThat(Envelope.version(encrypted)).isOne();
		assertThat(cipher.open(musterstadt, sha, encrypted)).isEqualTo(content);
		assertThat(cipher.rewrap(musterstadt, sha, encrypted)).isEmpty();
	}

	@Test
	void aNewKeyVersionEncryptsFromNowOnAndTheRotationRewrapsWhatTheOldOneEncrypted() throws Exception {
		Envelope cipher = cipher();
		byte[] old = cipher.seal(musterstadt, sha, content);
		Path keyring = keys.resolve("musterstadt.keyring");
		String first = Files.readString(keyring);
		Files.writeString(keyring, first + "2 " + Base64.getEncoder().encodeToString(random32()) + "\n");
		touch(keyring);

		assertThat(Envelope.version(cipher.seal(musterstadt, sha, content))).isEqualTo(2);
		assertThat(cipher.open(musterstadt, sha, old)).as("version 1 still decrypts").isEqualTo(content);
		byte[] rewrapped = cipher.rewrap(musterstadt, sha, old).orElseThrow();
		assertThat(Envelope.version(rewrapped)).isEqualTo(2);
		// the content's own ciphertext is kept, only the data key's wrapping changed
		assertThat(java.util.Arrays.copyOfRange(rewrapped, 80, rewrapped.length)).isEqualTo(java.util.Arrays.copyOfRange(old, 80, old.length));

		// with version 1 removed, the rewrapped content opens and the old one names what is missing
		Files.writeString(keyring, Files.readString(keyring).lines().filter(line -> !line.startsWith("1 ")).reduce("", (a, b) -> a + b + "\n"));
		touch(keyring);
		assertThat(cipher.open(musterstadt, sha, rewrapped)).isEqualTo(content);
		assertThatThrownBy(() -> cipher.open(musterstadt, sha, old)).isInstanceOf(Keyrings.Unusable.class)
			.hasMessageContaining("key version 1").hasMessageContaining("musterstadt.keyring");
	}

	@Test
	void aDamagedKeyringIsRefusedWithAClearMessage() throws Exception {
		Files.writeString(keys.resolve("musterstadt.keyring"), "1 kein-base64-schluessel\n");
		assertThatThrownBy(() -> cipher().seal(musterstadt, sha, content)).isInstanceOf(Keyrings.Unusable.class)
			.hasMessageContaining("Line 1").hasMessageContaining("openssl rand -base64 32");
	}

	private static byte[] random32() {
		byte[] key = new byte[32];
		new java.security.SecureRandom().nextBytes(key);
		return key;
	}

	private static void touch(Path file) throws Exception {
		// a later modification time, so the cached keyring is read again even within the file system's time resolution
		Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000 + (long) (Math.random() * 1000)));
	}
}
