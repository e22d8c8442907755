// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.demoidp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;

import de.openrathaus.demoidp.keys.SigningKey;
import de.openrathaus.demoidp.keys.SigningKeys;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The identity provider's keys are made once, kept owner-only and reused by the next start. */
class SigningKeysTests {

	@Test
	void aKeyIsMadeOnceOwnerOnlyAndTheNextStartUsesTheSameOne(@TempDir Path directory) throws Exception {
		SigningKey first = new SigningKeys(directory.resolve("demo-idp"), 2048, Clock.systemUTC()).of("bundid");
		Path file = directory.resolve("demo-idp/bundid.pem");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		SigningKey afterRestart = new SigningKeys(directory.resolve("demo-idp"), 2048, Clock.systemUTC()).of("bundid");
		assertThat(afterRestart.certificate()).isEqualTo(first.certificate());
		assertThat(afterRestart.privateKey().getEncoded()).isEqualTo(first.privateKey().getEncoded());
		assertThat(new SigningKeys(directory.resolve("demo-idp"), 2048, Clock.systemUTC()).of("unternehmenskonto").certificate())
			.isNotEqualTo(first.certificate());
		assertThat(afterRestart.toString()).doesNotContain("PRIVATE");
		first.certificate().checkValidity();
		first.certificate().verify(first.certificate().getPublicKey());
	}

	@Test
	void aDamagedKeyFileStopsWithAMessageInsteadOfSilentlyMakingANewKey(@TempDir Path directory) throws Exception {
		Files.writeString(directory.resolve("bundid.pem"), "kaputt");
		assertThatThrownBy(() -> new SigningKeys(directory, 2048, Clock.systemUTC()).of("bundid")).hasMessageContaining("delete it");
		assertThat(Files.readString(directory.resolve("bundid.pem"))).isEqualTo("kaputt");
	}
}
