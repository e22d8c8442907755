// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import com.microsoft.playwright.Page;

import de.openrathaus.demoidp.TestServiceProvider;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A citizen sent to the demo BundID by a service provider chooses a test person on an accessible
 * page and is carried back: the browser posts the response to the service provider by itself,
 * under the strict content security policy (no inline script).
 */
class DemoIdentityProviderJourneyTests extends Journey {

	static final TestServiceProvider sp = new TestServiceProvider();

	@DynamicPropertySource
	static void serviceProvider(DynamicPropertyRegistry registry) {
		registry.add("openrathaus.demoidp.service-providers[0]", sp::metadataUrl);
	}

	@AfterAll
	static void stop() {
		sp.close();
	}

	@Test
	void aCitizenChoosesATestPersonAndTheBrowserPostsTheResponseToTheServiceProviderByItself() throws Exception {
		String sso = url("/demo-idp/bundid/sso");
		String query = TestServiceProvider.redirectQuery(sp.authnRequestXml(TestServiceProvider.Request.to(sso, Instant.now())), "/weiter",
				sp.signing.getPrivate());
		try (Page page = browser.browser.newPage()) {
			page.navigate(sso + "?" + query);
			assertThat(page.title()).isEqualTo("Demo-BundID – Testperson wählen");
			BrowserSupport.assertAccessible(page);
			button(page, "Als Max Mustermann anmelden").click();
			page.waitForURL(sp.metadataUrl().replace("/saml/metadata", "/saml/acs"), new Page.WaitForURLOptions().setTimeout(Duration.ofSeconds(20).toMillis()));
			String posted = sp.received.poll(10, TimeUnit.SECONDS);
			assertThat(posted).startsWith("SAMLResponse=").contains("&RelayState=%2Fweiter").doesNotContain("_csrf");
			assertThat(page.textContent("h1")).isEqualTo("Antwort angekommen");
		}
	}
}
