// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static de.openrathaus.journeys.BrowserSupport.assertAccessible;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import org.junit.jupiter.api.Test;

/**
 * A citizen sets up the ways answers reach them (§ 4 (1) EGovG NRW): the account's delivery page, the
 * De-Mail address (refused when it is no De-Mail address), the postal address for letters (refused with
 * a five-digit rule), the key page for encrypted e-mail, and the letter as preferred channel. axe-core
 * checks each page, with its errors shown and after saving. Last, the citizen downloads what the platform keeps
 * about them (Art. 15 GDPR).
 */
class DeliveryChannelJourneyTests extends Journey {

	@Test
	void aCitizenStoresDeMailAndPostalAddressesAndChoosesTheLetter() {
		try (BrowserContext context = browser.browser.newContext()) {
			Page citizen = context.newPage();
			signIn(citizen, "buerger@example.org", DEMO_PASSWORD);
			citizen.navigate(url("/portal/konto/zustellung"));
			assertThat(citizen.locator("h1")).hasText("Zustellung");
			assertAccessible(citizen);

			// De-Mail: an ordinary address is refused, a De-Mail address kept
			citizen.navigate(url("/portal/konto/de-mail"));
			assertThat(citizen.locator("h1")).hasText("De-Mail");
			assertAccessible(citizen);
			citizen.getByLabel("De-Mail-Adresse", new Page.GetByLabelOptions().setExact(true)).fill("erika@example.org");
			button(citizen, "Speichern").click();
			assertThat(citizen.getByRole(AriaRole.ALERT)).containsText("keine De-Mail-Adresse");
			assertAccessible(citizen);
			citizen.getByLabel("De-Mail-Adresse", new Page.GetByLabelOptions().setExact(true)).fill("Erika.Mustermann@Mustermann.De-Mail.de");
			button(citizen, "Speichern").click();
			assertThat(citizen.getByRole(AriaRole.STATUS)).containsText("Die De-Mail-Adresse ist gespeichert.");
			assertThat(citizen.locator("main")).containsText("erika.mustermann@mustermann.de-mail.de");
			assertAccessible(citizen);
			button(citizen, "Adresse entfernen").click();
			assertThat(citizen.getByRole(AriaRole.STATUS)).containsText("Die De-Mail-Adresse ist entfernt.");

			// the postal address for letters: a four-digit postcode is explained, nothing stored
			citizen.navigate(url("/portal/konto/anschrift"));
			assertThat(citizen.locator("h1")).hasText("Anschrift für Briefe");
			assertAccessible(citizen);
			citizen.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Erika Mustermann");
			citizen.getByLabel("Straße und Hausnummer").fill("Heidestraße 17");
			citizen.getByLabel("Postleitzahl").fill("5114");
			citizen.getByLabel("Ort", new Page.GetByLabelOptions().setExact(true)).fill("Musterstadt");
			button(citizen, "Speichern").click();
			assertThat(citizen.getByRole(AriaRole.ALERT)).containsText("Eine deutsche Postleitzahl hat fünf Ziffern.");
			assertAccessible(citizen);
			citizen.getByLabel("Postleitzahl").fill("51147");
			button(citizen, "Speichern").click();
			assertThat(citizen.getByRole(AriaRole.STATUS)).containsText("Gespeichert.");
			assertAccessible(citizen);

			// encrypted e-mail: the key page
			citizen.navigate(url("/portal/konto/schluessel"));
			assertThat(citizen.locator("h1")).hasText("Verschlüsselte E-Mail");
			assertAccessible(citizen);

			// the letter as the preferred channel, now set up
			citizen.navigate(url("/portal/konto/zustellung"));
			citizen.getByLabel("Brief", new Page.GetByLabelOptions().setExact(true)).check();
			button(citizen, "Speichern").first().click();
			assertThat(citizen.getByRole(AriaRole.STATUS)).containsText("Antworten gehen künftig auf diesem Weg an Sie.");
			assertThat(citizen.getByLabel("Brief", new Page.GetByLabelOptions().setExact(true))).isChecked();
			assertAccessible(citizen);

			// what the platform keeps about the citizen (Art. 15 GDPR), from the portal's start page
			citizen.navigate(url("/portal"));
			link(citizen, "Auskunft über Ihre Daten").click();
			assertThat(citizen.locator("h1")).hasText("Auskunft über Ihre Daten");
			assertAccessible(citizen);
			com.microsoft.playwright.Download answer = citizen.waitForDownload(() -> button(citizen, "Auskunft herunterladen").click());
			org.assertj.core.api.Assertions.assertThat(answer.suggestedFilename()).startsWith("Auskunft-").endsWith(".zip");
		}
	}
}
