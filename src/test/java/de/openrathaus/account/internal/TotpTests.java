// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The second factor's codes are those of RFC 6238 and of every authenticator app. */
class TotpTests {

	static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	/** RFC 6238 appendix B, SHA-1 column (8 digits there; the 6-digit code is its last six). */
	@ParameterizedTest
	@CsvSource({ "59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
			"2000000000, 69279037", "20000000000, 65353130" })
	void theRfc6238TestVectors(long unixTime, String expected) {
		long step = Totp.step(Instant.ofEpochSecond(unixTime));
		assertThat(Totp.code(RFC_SECRET, step, 8)).isEqualTo(expected);
		assertThat(Totp.code(RFC_SECRET, step, 6)).isEqualTo(expected.substring(2));
	}

	@Test
	void aCodeCountsForItsStepAndOneEitherSideButNotTwice() {
		Instant now = Instant.ofEpochSecond(1111111111);
		long step = Totp.step(now);
		String current = Totp.code(RFC_SECRET, step, 6);
		assertThat(Totp.verify(RFC_SECRET, current, now, 0)).isEqualTo(OptionalLong.of(step));
		assertThat(Totp.verify(RFC_SECRET, "050 471", now, 0)).isEqualTo(OptionalLong.of(step));
		assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step - 1, 6), now, 0)).isEqualTo(OptionalLong.of(step - 1));
		assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step + 1, 6), now, 0)).isEqualTo(OptionalLong.of(step + 1));
		assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step - 2, 6), now, 0)).isEmpty();
		assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step + 2, 6), now, 0)).isEmpty();
		// replay: the step was used already, and so was every earlier one
		assertThat(Totp.verify(RFC_SECRET, current, now, step)).isEmpty();
		assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step - 1, 6), now, step)).isEmpty();
		assertThat(Totp.verify(RFC_SECRET, "12345", now, 0)).isEmpty();
		assertThat(Totp.verify(RFC_SECRET, "abcdef", now, 0)).isEmpty();
	}

	@Test
	void theSecretIsWrittenInBase32AndTheKeyUriNamesTheMunicipality() {
		assertThat(Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII))).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
		assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
		assertThat(Totp.keyUri(RFC_SECRET, "Stadt Musterstadt", "tom@musterstadt.example"))
			.isEqualTo("otpauth://totp/Stadt%20Musterstadt:tom%40musterstadt.example?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
					+ "&issuer=Stadt%20Musterstadt&algorithm=SHA1&digits=6&period=30");
	}
}
