// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class Sha256Tests {

	// FIPS 180-2, appendix B.1
	private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

	@Test
	void bytesTextAndStreamGiveTheSameLowerCaseHex() throws Exception {
		byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
		assertThat(Sha256.hex(abc)).isEqualTo(ABC);
		assertThat(Sha256.hex("abc")).isEqualTo(ABC);
		assertThat(Sha256.hex(new ByteArrayInputStream(abc))).isEqualTo(ABC);
	}

	@Test
	void textIsHashedAsUtf8() {
		assertThat(Sha256.hex("ü")).isEqualTo(Sha256.hex(new byte[] {(byte) 0xc3, (byte) 0xbc}));
	}
}
