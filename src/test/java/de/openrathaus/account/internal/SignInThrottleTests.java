// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SignInThrottleTests {

	@Test
	void theWaitDoublesAfterTheFreeAttemptsUpToTheCap() {
		Duration cap = Duration.ofMinutes(15);
		assertThat(SignInThrottle.delay(4, 5, cap)).isZero();
		assertThat(SignInThrottle.delay(5, 5, cap)).hasSeconds(2);
		assertThat(SignInThrottle.delay(6, 5, cap)).hasSeconds(4);
		assertThat(SignInThrottle.delay(13, 5, cap)).hasSeconds(512);
		assertThat(SignInThrottle.delay(14, 5, cap)).isEqualTo(cap);
		assertThat(SignInThrottle.delay(5_000, 5, cap)).isEqualTo(cap);
	}

	@Test
	void theAccountKeyIsTheSameForEverySpellingOfTheAddressAndRevealsNoAddress() {
		assertThat(SignInThrottle.accountKey(" Max@Example.org ")).isEqualTo(SignInThrottle.accountKey("max@example.org"))
			.doesNotContain("max").hasSize(64);
	}
}
