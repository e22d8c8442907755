// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import de.openrathaus.account.TrustLevel;

import org.junit.jupiter.api.Test;

/** Where a sign-in may lead afterwards, and which level a link may ask for. */
class SignInTargetsTests {

	@Test
	void onlyLocalPathsAreKept() {
		assertThat(SignInStartController.localTarget("/portal/antraege/7f0c/schritt/2?x=1")).isEqualTo("/portal/antraege/7f0c/schritt/2?x=1");
		for (String foreign : List.of("https://evil.example", "//evil.example", "/\\evil.example", "\\\\evil", "javascript:alert(1)", "portal",
				"/a\nLocation: x", "")) {
			assertThat(SignInStartController.localTarget(foreign)).as(foreign).isEqualTo("/portal");
		}
		assertThat(SignInStartController.localTarget(null)).isEqualTo("/portal");
		assertThat(SignInStartController.localTarget("/portal/antraege/neu?termin=12:30")).as("a colon after the path is no scheme")
			.isEqualTo("/portal/antraege/neu?termin=12:30");
	}

	@Test
	void theLevelDefaultsToLow() {
		assertThat(SignInStartController.level(null)).isEqualTo(TrustLevel.LOW);
		assertThat(SignInStartController.level("substantial")).isEqualTo(TrustLevel.SUBSTANTIAL);
		assertThat(SignInStartController.level("HIGH")).isEqualTo(TrustLevel.HIGH);
		assertThat(SignInStartController.level("sehr hoch")).isEqualTo(TrustLevel.LOW);
	}
}
