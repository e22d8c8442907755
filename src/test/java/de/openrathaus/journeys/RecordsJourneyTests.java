// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static de.openrathaus.journeys.BrowserSupport.assertAccessible;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The demo e-file in the browser: the records manager finds the demo cases past their retention
 * period; a clerk pages through a long hit list. Every page passes axe.
 */
@TestPropertySource(properties = "openrathaus.demo.e-file=true")
class RecordsJourneyTests extends Journey {

	@Test
	void theRecordsManagerSeesWhatIsDueAndAClerkPagesThroughHits() {
		try (BrowserContext managerContext = browser.browser.newContext()) {
			Page manager = managerContext.newPage();
			signIn(manager, "registratur@musterstadt.example", DEMO_PASSWORD);
			manager.navigate(url("/backoffice/aussonderung"));
			button(manager, "Jetzt auf fällige Vorgänge prüfen").click();
			assertThat(manager.locator("main")).containsText("DEMO-HUND-2013-017");
			assertThat(manager.locator("main")).containsText("DEMO-RAT-1994-03");
			assertAccessible(manager);
		}
		try (BrowserContext clerkContext = browser.browser.newContext()) {
			Page clerk = clerkContext.newPage();
			signIn(clerk, "steuern@musterstadt.example", DEMO_PASSWORD);
			clerk.navigate(url("/backoffice/akten/suche?q=Assistenzhund"));
			link(clerk, "DEMO-HUND-2026-003").first().click();
			String caseId = clerk.url().substring(clerk.url().lastIndexOf('/') + 1);
			String marker = "Blattwort" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "q");
			String basic = "Basic " + Base64.getEncoder()
				.encodeToString(("steuern@musterstadt.example:" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
			for (int i = 1; i <= 23; i++) {
				APIResponse added = clerkContext.request().post(url("/api/v1/records/cases/" + caseId + "/documents"),
						RequestOptions.create().setHeader("Authorization", basic).setMultipart(FormData.create()
							.set("title", "Notiz " + i)
							.set("file", new FilePayload("notiz-" + i + ".txt", "text/plain",
									("Notiz " + i + " zum " + marker + ".").getBytes(StandardCharsets.UTF_8)))));
				assertThat(added.status()).isEqualTo(201);
			}
			for (int i = 0; i < 80; i++) {
				clerk.navigate(url("/backoffice/akten/suche?q=" + marker));
				if (clerk.getByText("Treffer 1 bis 20 von 23").count() > 0) {
					break;
				}
				clerk.waitForTimeout(250);
			}
			assertThat(clerk.getByRole(AriaRole.STATUS).first()).hasText("Treffer 1 bis 20 von 23");
			assertAccessible(clerk);
			link(clerk, "Nächste Seite").click();
			assertThat(clerk.getByRole(AriaRole.STATUS).first()).hasText("Treffer 21 bis 23 von 23");
			assertThat(clerk.locator("[aria-current=page]")).hasText("2");
			assertAccessible(clerk);
		}
	}
}
