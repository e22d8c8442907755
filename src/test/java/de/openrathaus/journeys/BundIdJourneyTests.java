// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import de.openrathaus.files.PdfRendererTests;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The walk-through of the README: a citizen opens the resident parking permit (trust level
 * substantial), signs in at the demo BundID over real SAML redirects and posts (signed request,
 * signed and encrypted assertion, validated by the service provider), and starts the application
 * with the proven details taken over and locked; sees the zone derived from the address; cancels the
 * payment at the simulator, then the payment fails, then pays on the third try; the permit is approved
 * automatically and arrives in the mailbox as a PDF/A document; the clerk sees it decided automatically.
 */
class BundIdJourneyTests extends Journey {

	/**
	 * The demo configuration names the two sides' metadata addresses with {@code server.port}, as
	 * a newcomer's {@code spring-boot:run} has it; a random port (0) would leave them unreachable.
	 */
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

	@Test
	void aCitizenWithBundIdAppliesForTheParkingPermitPaysOnTheThirdTryAndReceivesThePermitInTheMailbox() throws Exception {
		String application;
		String reference;
		try (BrowserContext context = browser.browser.newContext()) {
			Page citizen = context.newPage();
			citizen.navigate(url("/leistungen/bewohnerparkausweis"));
			link(citizen, "Mit BundID anmelden und beantragen").click();

			// at the identity provider: the person at level LOW cannot be chosen, the one at SUBSTANTIAL can
			assertThat(citizen.getByRole(com.microsoft.playwright.options.AriaRole.HEADING,
					new Page.GetByRoleOptions().setName("Demo-BundID – Testperson wählen"))).isVisible();
			BrowserSupport.assertAccessible(citizen);
			assertThat(button(citizen, "Als Leonie Beispiel anmelden")).isDisabled();
			button(citizen, "Als Max Mustermann anmelden").click();

			// back at the platform, signed in, on the first step of the application
			citizen.waitForURL(url -> url.contains("/portal/antraege/neu"));
			button(citizen, "Antrag beginnen").click();
			citizen.waitForURL(url -> url.contains("/schritt/"));
			application = citizen.url().replaceAll(".*/portal/antraege/([0-9a-f-]+)/.*", "$1");
			assertThat(citizen.getByLabel("Nachname")).hasValue("Mustermann");
			assertThat(citizen.getByLabel("Vorname")).hasValue("Max");
			assertThat(citizen.getByLabel("Nachname")).not().isEditable();
			assertThat(citizen.locator("main")).containsText("Aus BundID übernommen");
			// the e-mail address was entered at BundID, not proven: taken over, but editable and marked as such
			assertThat(citizen.getByLabel("E-Mail-Adresse für Rückfragen (freiwillig)")).hasValue("max.mustermann@example.org");
			assertThat(citizen.getByLabel("E-Mail-Adresse für Rückfragen (freiwillig)")).isEditable();
			assertThat(citizen.locator("main")).containsText("dort nicht nachgewiesen");
			BrowserSupport.assertAccessible(citizen);
			button(citizen, "Weiter").click();

			// the vehicle and the permit's validity (the zone is not asked), the registration certificate
			citizen.getByLabel("Amtliches Kennzeichen").fill("MS-AB 123");
			assertThat(citizen.getByLabel("Zone A – Altstadt", new Page.GetByLabelOptions().setExact(true))).hasCount(0);
			citizen.getByLabel("1 Jahr", new Page.GetByLabelOptions().setExact(true)).check();
			button(citizen, "Weiter").click();
			citizen.getByLabel("Zulassungsbescheinigung Teil I").setInputFiles(
					new FilePayload("zulassung.pdf", "application/pdf", DogRegistrationJourneyTests.pdf()));
			button(citizen, "Weiter").click();

			// the summary: the zone derived from Lindenallee 12, and the fee
			assertThat(citizen.locator("#parkgebiet")).containsText("Zone A – Altstadt");
			assertThat(citizen.locator("main")).containsText("Aus Ihrer Adresse ermittelt");
			assertThat(citizen.locator("#gebuehr-betrag")).hasText("30,60 €");
			BrowserSupport.assertAccessible(citizen);

			// at the simulator: cancel, then a failed payment; the draft stays a draft each time
			button(citizen, "Zahlungspflichtig absenden (30,60 €)").click();
			assertThat(citizen.locator("h1")).hasText("Bezahldienst (Simulator)");
			button(citizen, "Zahlung abbrechen").click();
			assertThat(citizen.getByRole(AriaRole.ALERT)).containsText("Sie haben die Zahlung abgebrochen.");
			button(citizen, "Zahlungspflichtig absenden (30,60 €)").click();
			button(citizen, "Zahlung scheitert").click();
			assertThat(citizen.getByRole(AriaRole.ALERT)).containsText("Die Zahlung ist nicht gelungen.");
			BrowserSupport.assertAccessible(citizen);

			// the third try pays, and submits at SUBSTANTIAL
			button(citizen, "Zahlungspflichtig absenden (30,60 €)").click();
			button(citizen, "Bezahlen").click();
			for (int i = 0; i < 40 && !citizen.locator("h1").textContent().equals("Antrag eingegangen"); i++) {
				citizen.waitForTimeout(500);
				citizen.navigate(citizen.url());
			}
			assertThat(citizen.locator("h1")).hasText("Antrag eingegangen");
			assertThat(citizen.locator("main")).containsText("BPA-");
			reference = citizen.locator("main").textContent().replaceAll("(?s).*(BPA-\\d{4}-\\d+).*", "$1");

			// approved automatically: the permit arrives in the mailbox
			citizen.navigate(url("/portal/postfach"));
			String subject = "Bescheid: Bewohnerparkausweis beantragen (" + reference + ")";
			for (int i = 0; i < 60 && link(citizen, subject).count() == 0; i++) {
				citizen.waitForTimeout(500);
				citizen.navigate(url("/portal/postfach"));
			}
			BrowserSupport.assertAccessible(citizen);
			link(citizen, subject).click();
			assertThat(citizen.locator("h1")).hasText(subject);
			String document = link(citizen, "herunterladen").getAttribute("href");
			byte[] permit = citizen.request().get(url(document)).body();
			PdfRendererTests.assertPdfA2b(permit);
			try (PDDocument pdf = Loader.loadPDF(permit)) {
				org.assertj.core.api.Assertions.assertThat(new PDFTextStripper().getText(pdf)).contains("Zone A – Altstadt")
					.contains("MS-AB 123").contains("Max Mustermann").contains("Lindenallee 12").contains("Gültig bis");
			}
		}
		// the clerk sees the level the application was submitted with, and that the system decided it
		try (BrowserContext office = browser.browser.newContext()) {
			Page clerk = office.newPage();
			signIn(clerk, "ordnung@musterstadt.example", DEMO_PASSWORD);
			clerk.navigate(url("/backoffice/faelle/" + application));
			assertThat(clerk.locator("main")).containsText("Vertrauensniveau bei Antragstellung");
			assertThat(clerk.locator("main")).containsText("Substanziell");
			assertThat(clerk.locator("#automatisch-beschieden")).containsText("automatisch beschieden");
			BrowserSupport.assertAccessible(clerk);
		}
	}
}
