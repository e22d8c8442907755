// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;

import org.junit.jupiter.api.Test;

/** A visitor with a wrong password is told so, on an accessible page. */
class SignInJourneyTests extends Journey {

	@Test
	void wrongPasswordIsExplainedOnAnAccessiblePage() {
		try (Page page = browser.browser.newPage()) {
			page.navigate("http://localhost:" + port + "/anmelden");
			BrowserSupport.assertAccessible(page);
			page.getByLabel("E-Mail-Adresse").fill("niemand@example.org");
			page.getByLabel("Passwort").fill("falsches-passwort");
			page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
					new Page.GetByRoleOptions().setName("Anmelden")).click();
			assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.ALERT))
				.containsText("E-Mail-Adresse oder Passwort sind falsch.");
			BrowserSupport.assertAccessible(page);
		}
	}
}
