// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import java.util.List;
import java.util.Map;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A clerk signs in through the municipality's OpenID Connect provider (a real one, mock-oauth2-server,
 * in this process on its own port) with the button on the sign-in page: the browser goes to the
 * provider and back (authorization code with PKCE), and the clerk lands in the back office with the
 * role the provider's group maps to.
 */
class StaffSingleSignOnJourneyTests extends Journey {

	static final MockOAuth2Server provider = new MockOAuth2Server();

	static {
		provider.start();
	}

	@DynamicPropertySource
	static void staffProvider(DynamicPropertyRegistry properties) {
		String musterstadt = "openrathaus.account.staff-sso.municipalities.musterstadt.";
		properties.add(musterstadt + "issuer-uri", () -> provider.issuerUrl("rathaus").toString());
		properties.add(musterstadt + "client-id", () -> "openrathaus");
		properties.add(musterstadt + "client-secret", () -> "geheim-aus-der-umgebung");
		properties.add(musterstadt + "groups[0].group", () -> "/Rathaus/Steuern");
		properties.add(musterstadt + "groups[0].department", () -> "steuern");
		properties.add(musterstadt + "groups[0].role", () -> "CLERK");
	}

	@AfterAll
	static void stopProvider() {
		provider.shutdown();
	}

	@Test
	void aClerkSignsInWithSingleSignOnAndLandsInTheBackOffice() {
		provider.enqueueCallback(new DefaultOAuth2TokenCallback("rathaus", "kc-journey-clerk", "JWT", List.of("openrathaus"),
				Map.of("email", "sso-journey@musterstadt.example", "name", "Sina Sso", "groups", List.of("/Rathaus/Steuern")), 3600));
		try (BrowserContext context = browser.browser.newContext()) {
			Page clerk = context.newPage();
			clerk.navigate(url("/anmelden"));
			BrowserSupport.assertAccessible(clerk);
			link(clerk, "Anmeldung für Beschäftigte (Single Sign-on)").click();
			clerk.waitForURL(address -> address.endsWith("/backoffice"));
			assertThat(clerk.locator("h1")).hasText("Arbeitsliste");
			assertThat(clerk.locator("body")).containsText("Sina Sso");
			BrowserSupport.assertAccessible(clerk);
		}
	}
}
