// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.seal.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import de.openrathaus.seal.keys.SealSettings;
import de.openrathaus.web.Refusal;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class CodesAndThrottleTests {

	@Test
	void codesAreRandomReadableAndStoredOnlyAsTheirHash() {
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			String code = Codes.next();
			assertThat(code).matches("[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}");
			codes.add(code);
		}
		assertThat(codes).hasSize(1000);
		String code = Codes.next();
		assertThat(Codes.normalize(code.toLowerCase().replace("-", " "))).isEqualTo(code);
		assertThat(Codes.normalize("ABCD-EFGH")).isEmpty();
		assertThat(Codes.normalize("0000-1111-OOOO-IIII")).isEmpty();
		assertThat(Codes.hash(code)).hasSize(64).doesNotContain(code);
		assertThat(Codes.matches(code, Codes.hash(code))).isTrue();
		assertThat(Codes.matches(Codes.next(), Codes.hash(code))).isFalse();
	}

	@Test
	void aClientGetsItsChecksPerMinuteThenWaitsForTheNextMinute() {
		MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:05Z"));
		CheckThrottle throttle = new CheckThrottle(new SealSettings("target/seal", "LT", "", Duration.ofSeconds(10), 3, DataSize.ofMegabytes(10), null),
				clock);
		for (int i = 0; i < 3; i++) {
			throttle.acquire("203.0.113.1");
		}
		assertThatThrownBy(() -> throttle.acquire("203.0.113.1")).isInstanceOf(Refusal.class).hasMessageContaining("seal.check.tooMany");
		throttle.acquire("203.0.113.2");
		clock.now = clock.now.plusSeconds(60);
		throttle.acquire("203.0.113.1");
	}

	static final class MutableClock extends Clock {
		Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	}
}
