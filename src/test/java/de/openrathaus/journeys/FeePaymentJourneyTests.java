// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static de.openrathaus.journeys.BrowserSupport.assertAccessible;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import org.junit.jupiter.api.Test;

/**
 * A citizen at trust level LOW applies for a replacement dog tax token, sees the fee before paying,
 * cancels at the (simulated) payment service, finds the draft still there, pays, and receives the
 * receipt: the application is submitted only with the payment confirmed. axe-core checks the pages.
 */
class FeePaymentJourneyTests extends Journey {

	@Test
	void aCitizenCancelsThePaymentOncePaysOnTheSecondTryAndGetsTheReceipt() {
		try (BrowserContext context = browser.browser.newContext()) {
			Page citizen = context.newPage();
			signIn(citizen, "buerger@example.org", DEMO_PASSWORD);
			citizen.navigate(url("/leistungen"));
			citizen.getByLabel("Leistung suchen").fill("Ersatzmarke");
			button(citizen, "Suchen").click();
			link(citizen, "Ersatz-Hundesteuermarke beantragen").click();
			assertThat(citizen.locator("main")).containsText("5,00 €");
			link(citizen, "Online beantragen").click();
			button(citizen, "Antrag beginnen").click();

			citizen.getByLabel("Name des Hundes").fill("Bello");
			citizen.getByLabel("Chipnummer (Transponder)").fill("276098765432101");
			// select fields are radio groups
			citizen.getByLabel("Verloren", new Page.GetByLabelOptions().setExact(true)).check();
			citizen.getByLabel("2", new Page.GetByLabelOptions().setExact(true)).check();
			button(citizen, "Weiter").click();
			citizen.getByLabel("Nein", new Page.GetByLabelOptions().setExact(true)).check();
			button(citizen, "Weiter").click();

			// the fee and what it is for, before paying
			assertThat(citizen.locator("#gebuehr")).containsText("2 × 5,00 € = 10,00 €");
			assertThat(citizen.locator("#gebuehr-betrag")).hasText("10,00 €");
			assertAccessible(citizen);
			button(citizen, "Zahlungspflichtig absenden (10,00 €)").click();

			// the simulated payment service: cancel first
			assertThat(citizen.locator("h1")).hasText("Bezahldienst (Simulator)");
			assertThat(citizen.locator("#betrag")).hasText("10,00 €");
			assertAccessible(citizen);
			button(citizen, "Zahlung abbrechen").click();
			assertThat(citizen.getByRole(AriaRole.ALERT)).containsText("Sie haben die Zahlung abgebrochen.");
			assertAccessible(citizen);

			// second try: pay
			button(citizen, "Zahlungspflichtig absenden (10,00 €)").click();
			button(citizen, "Bezahlen").click();
			for (int i = 0; i < 40 && !citizen.locator("h1").textContent().equals("Antrag eingegangen"); i++) {
				citizen.waitForTimeout(500);
				citizen.navigate(citizen.url());
			}
			assertThat(citizen.locator("h1")).hasText("Antrag eingegangen");
			assertThat(citizen.locator("main")).containsText("MARKE-");
			assertAccessible(citizen);
		}
	}
}
