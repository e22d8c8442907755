// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.operations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The binaries' archive is chosen by operating system and processor, as the JVM names them. */
class PostgresBinariesTests {

	@Test
	void eachCoveredMachineFindsItsArchive() {
		assertThat(PostgresBinaries.archive("Linux", "amd64")).isEqualTo("postgres-linux-x86_64.txz");
		assertThat(PostgresBinaries.archive("Linux", "aarch64")).isEqualTo("postgres-linux-arm_64.txz");
		assertThat(PostgresBinaries.archive("Mac OS X", "x86_64")).isEqualTo("postgres-darwin-x86_64.txz");
		assertThat(PostgresBinaries.archive("Mac OS X", "aarch64")).isEqualTo("postgres-darwin-arm_64.txz");
		assertThat(PostgresBinaries.archive("Windows 11", "amd64")).isEqualTo("postgres-windows-x86_64.txz");
	}

	@Test
	void anyOtherMachineIsToldToUseAnExternalDatabase() {
		assertThatThrownBy(() -> PostgresBinaries.archive("SunOS", "sparcv9")).hasMessageContaining("spring.datasource.url");
		assertThatThrownBy(() -> PostgresBinaries.archive("Windows 11", "aarch64")).hasMessageContaining("spring.datasource.url");
	}

	@Test
	void theBuildBringsTheArchiveOfThisMachine() {
		String archive = PostgresBinaries.archive(System.getProperty("os.name"), System.getProperty("os.arch"));
		assertThat(PostgresBinaries.class.getClassLoader().getResource(archive)).as(archive).isNotNull();
	}
}
