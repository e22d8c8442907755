// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A business signs in with the Demo-Unternehmenskonto over real SAML (signed metadata checked against the
 * demo provider's certificate, signed request, signed and encrypted assertion) and registers its guard dog
 * on behalf of the organisation; a second member of the organisation, with an identity of their own, sees
 * the application in "Meine Anträge".
 */
class OrganisationAccountJourneyTests extends Journey {

	/** The demo configuration names the metadata addresses with {@code server.port} (see {@link BundIdJourneyTests}). */
	@DynamicPropertySource
	static void knownPort(DynamicPropertyRegistry registry) {
		try (ServerSocket socket = new ServerSocket(0)) {
			int port = socket.getLocalPort();
			registry.add("server.port", () -> port);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	void signInForTheOrganisation(Page page, String person) {
		page.navigate(url("/anmelden"));
		link(page, "Für ein Unternehmen anmelden (Mein Unternehmenskonto)").click();
		assertThat(page.locator("h1")).hasText("Demo-Unternehmenskonto – handelnde Person wählen");
		button(page, "Als " + person + " anmelden").click();
		page.waitForURL(address -> address.endsWith("/portal"));
		assertThat(page.locator("main")).containsText("Sie handeln für: Musterbau GmbH");
	}

	@Test
	void aMemberAppliesOnBehalfOfTheOrganisationAndASecondMemberSeesTheApplication() {
		try (BrowserContext petraContext = browser.browser.newContext(); BrowserContext aliContext = browser.browser.newContext()) {
			Page petra = petraContext.newPage();
			signInForTheOrganisation(petra, "Petra Schmidt");
			BrowserSupport.assertAccessible(petra);

			petra.navigate(url("/leistungen/hund-anmelden"));
			link(petra, "Online beantragen").click();
			button(petra, "Antrag beginnen").click();
			petra.getByLabel("Vorname").fill("Petra");
			petra.getByLabel("Nachname").fill("Schmidt");
			petra.getByLabel("Geburtsdatum").fill("03.04.1975");
			button(petra, "Weiter").click();
			petra.getByLabel("Straße").fill("Gewerbestraße");
			petra.getByLabel("Hausnummer").fill("8");
			petra.getByLabel("Postleitzahl").fill("54321");
			petra.getByLabel("Ort").fill("Musterstadt");
			button(petra, "Weiter").click();
			petra.getByLabel("Name des Hundes").fill("Wächter");
			petra.getByLabel("Rasse").fill("Deutscher Schäferhund");
			petra.getByLabel("Geburtsdatum des Hundes").fill("01.02.2023");
			petra.getByLabel("Chipnummer (Transponder)").fill("276098765432188");
			petra.getByLabel("Gehalten seit").fill("01.06.2026");
			petra.getByLabel("Nein", new Page.GetByLabelOptions().setExact(true)).check();
			button(petra, "Weiter").click();
			assertThat(petra.locator("h1")).hasText("Weitere Unterlagen");
			button(petra, "Weiter").click();
			assertThat(petra.locator("h1")).hasText("Prüfen Sie Ihre Angaben");
			button(petra, "Antrag verbindlich absenden").click();
			assertThat(petra.locator("h1")).hasText("Antrag eingegangen");
			String reference = petra.locator(".panel strong").textContent();

			// a colleague with their own identity acts for the same organisation and sees the application
			Page ali = aliContext.newPage();
			signInForTheOrganisation(ali, "Ali Yılmaz");
			link(ali, "Meine Anträge").first().click();
			assertThat(ali.locator("main")).containsText("Hund anmelden");
			assertThat(ali.locator("main")).containsText("Eingegangen");
			assertThat(ali.getByRole(AriaRole.MAIN)).containsText(reference);
			BrowserSupport.assertAccessible(ali);
		}
	}
}
