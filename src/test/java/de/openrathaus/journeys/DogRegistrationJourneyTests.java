// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static de.openrathaus.journeys.BrowserSupport.assertAccessible;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;

/**
 * The whole dog registration in a real browser: a citizen registers, confirms the address from the
 * demo mail page, applies, saves a draft, resumes, uploads the permit and submits; a clerk asks a
 * question; the citizen answers; the clerk approves; the citizen reads the decision in the mailbox.
 * axe-core checks every page on the way for WCAG 2.1 AA.
 */
class DogRegistrationJourneyTests extends Journey {

	@Test
	void fromRegistrationToTheDecisionInTheMailbox() throws Exception {
		String email = "journey-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		String password = "Hund-und-Katze-2026";
		try (BrowserContext citizenContext = browser.browser.newContext(); BrowserContext clerkContext = browser.browser.newContext()) {
			Page citizen = citizenContext.newPage();

			// register and confirm the address from the demo mail page
			citizen.navigate(url("/"));
			assertAccessible(citizen);
			link(citizen, "Registrieren").first().click();
			assertAccessible(citizen);
			button(citizen, "Servicekonto anlegen").click();
			assertThat(citizen.getByRole(AriaRole.ALERT)).containsText("Geben Sie Ihren Vor- und Nachnamen ein.");
			assertAccessible(citizen);
			citizen.getByLabel("Vor- und Nachname").fill("Jana Journey");
			citizen.getByLabel("E-Mail-Adresse").fill(email);
			citizen.getByLabel("Passwort", new Page.GetByLabelOptions().setExact(true)).fill(password);
			citizen.getByLabel("Passwort wiederholen").fill(password);
			citizen.getByLabel("Ich habe die Datenschutzhinweise gelesen.").check();
			button(citizen, "Servicekonto anlegen").click();
			assertThat(citizen.locator("h1")).hasText("Bitte bestätigen Sie Ihre E-Mail-Adresse");
			assertAccessible(citizen);
			Page mails = citizenContext.newPage();
			Locator mail = mails.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(email));
			for (int i = 0; i < 30 && mail.count() == 0; i++) {
				mails.navigate(url("/demo/mails"));
				if (mail.count() == 0) {
					mails.waitForTimeout(500);
				}
			}
			assertAccessible(mails);
			mail.getByRole(AriaRole.LINK).click();
			assertAccessible(mails);
			mails.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("bestaetigen.token"))).click();
			assertAccessible(mails);
			button(mails, "E-Mail-Adresse bestätigen").click();
			assertThat(mails.getByRole(AriaRole.STATUS)).containsText("Ihre E-Mail-Adresse ist bestätigt.");
			mails.close();

			// sign in, find the service, start
			signIn(citizen, email, password);
			assertAccessible(citizen);
			link(citizen, "Leistungen").first().click();
			citizen.getByLabel("Leistung suchen").fill("Hund");
			button(citizen, "Suchen").click();
			assertAccessible(citizen);
			link(citizen, "Hund anmelden").click();
			assertAccessible(citizen);
			link(citizen, "Online beantragen").click();
			assertAccessible(citizen);
			button(citizen, "Antrag beginnen").click();

			// step 1 with an error first
			button(citizen, "Weiter").click();
			assertThat(citizen.getByRole(AriaRole.ALERT)).containsText("Geben Sie „Vorname“ an.");
			assertAccessible(citizen);
			citizen.getByLabel("Vorname").fill("Jana");
			citizen.getByLabel("Nachname").fill("Journey");
			citizen.getByLabel("Geburtsdatum").fill("12.08.1984");
			button(citizen, "Weiter").click();
			assertAccessible(citizen);
			citizen.getByLabel("Straße").fill("Heidestraße");
			citizen.getByLabel("Hausnummer").fill("17a");
			citizen.getByLabel("Postleitzahl").fill("51147");
			citizen.getByLabel("Ort").fill("Musterstadt");
			button(citizen, "Entwurf speichern").click();

			// resume the draft from "Meine Anträge"
			assertThat(citizen.getByRole(AriaRole.STATUS)).containsText("Ihr Entwurf ist gespeichert.");
			assertAccessible(citizen);
			link(citizen, "Hund anmelden").click();
			assertThat(citizen.locator("h1")).hasText("Angaben zum Hund");
			assertAccessible(citizen);
			citizen.getByLabel("Name des Hundes").fill("Bello");
			citizen.getByLabel("Rasse").fill("American Staffordshire Terrier");
			citizen.getByLabel("Geburtsdatum des Hundes").fill("01.05.2022");
			citizen.getByLabel("Chipnummer (Transponder)").fill("276098765432101");
			citizen.getByLabel("Gehalten seit").fill("01.03.2026");
			citizen.getByLabel("Ja", new Page.GetByLabelOptions().setExact(true)).check();
			button(citizen, "Weiter").click();

			// the permit section opened by the answer; a wrong file first
			assertThat(citizen.locator("h1")).hasText("Erlaubnis nach dem Landeshundegesetz");
			assertAccessible(citizen);
			citizen.getByLabel("Erlaubnis der Ordnungsbehörde").setInputFiles(
					new FilePayload("erlaubnis.pdf", "application/pdf", "MZ nicht wirklich ein PDF".getBytes()));
			button(citizen, "Weiter").click();
			assertThat(citizen.getByRole(AriaRole.ALERT)).containsText("ist kein zulässiges Format");
			assertAccessible(citizen);
			citizen.getByLabel("Erlaubnis der Ordnungsbehörde").setInputFiles(new FilePayload("erlaubnis.pdf", "application/pdf", pdf()));
			button(citizen, "Weiter").click();
			assertThat(citizen.locator("h1")).hasText("Weitere Unterlagen");
			assertAccessible(citizen);
			button(citizen, "Weiter").click();

			// summary, submit, receipt
			assertThat(citizen.locator("h1")).hasText("Prüfen Sie Ihre Angaben");
			assertThat(citizen.locator("main")).containsText("erlaubnis.pdf");
			assertAccessible(citizen);
			button(citizen, "Antrag verbindlich absenden").click();
			assertThat(citizen.locator("h1")).hasText("Antrag eingegangen");
			assertAccessible(citizen);
			String reference = citizen.locator(".panel strong").textContent();
			assertThat(reference).matches("HUND-\\d{4}-\\d{6}");
			Download receipt = citizen.waitForDownload(() -> link(citizen, "Eingangsbestätigung als PDF herunterladen").click());
			assertThat(Files.readString(receipt.path(), java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("%PDF-");
			link(citizen, "Zu „Meine Anträge“").click();
			assertThat(citizen.locator("main")).containsText("Eingegangen");

			// the clerk claims the case and asks a question
			Page clerk = clerkContext.newPage();
			signIn(clerk, "steuern@musterstadt.example", "Demo-Passwort-2026");
			assertAccessible(clerk);
			link(clerk, reference).click();
			assertAccessible(clerk);
			button(clerk, "Fall übernehmen").click();
			assertThat(clerk.getByRole(AriaRole.STATUS)).containsText("Sie bearbeiten jetzt diesen Fall.");
			assertThat(clerk.locator("main")).containsText("624,00 €");
			assertAccessible(clerk);
			clerk.getByLabel("Rückfrage an die Antragstellerin oder den Antragsteller").fill("Bitte senden Sie den Nachweis der Sachkunde.");
			button(clerk, "Rückfrage senden").click();
			assertThat(clerk.locator("main")).containsText("Die Rückfrage ist gestellt.");
			assertAccessible(clerk);

			// the citizen answers
			citizen.navigate(url("/portal/antraege"));
			assertThat(citizen.locator("main")).containsText("Rückfrage – bitte antworten");
			link(citizen, "Hund anmelden").click();
			assertThat(citizen.locator("main")).containsText("Bitte senden Sie den Nachweis der Sachkunde.");
			assertAccessible(citizen);
			citizen.getByLabel("Ihre Antwort").fill("Der Sachkundenachweis liegt bei.");
			citizen.getByLabel("Anlagen zur Antwort (freiwillig)").setInputFiles(new FilePayload("sachkunde.pdf", "application/pdf", pdf()));
			button(citizen, "Antwort senden").click();
			assertThat(citizen.getByRole(AriaRole.STATUS)).containsText("Ihre Antwort wurde gesendet.");
			assertAccessible(citizen);

			// the clerk approves
			clerk.reload();
			assertThat(clerk.locator("main")).containsText("Der Sachkundenachweis liegt bei.");
			button(clerk, "Genehmigen und Bescheid erteilen").click();
			assertThat(clerk.getByRole(AriaRole.ALERT)).containsText("Der Bescheid wurde nicht erteilt");
			clerk.getByLabel("Ich habe den Antrag geprüft.", new Page.GetByLabelOptions().setExact(false)).check();
			button(clerk, "Genehmigen und Bescheid erteilen").click();
			assertThat(clerk.getByRole(AriaRole.STATUS)).containsText("Der Bescheid ist erteilt");
			assertAccessible(clerk);

			// the citizen reads the decision in the mailbox
			Locator decision = citizen.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Bescheid: Hund anmelden (" + reference + ")"));
			for (int i = 0; i < 30 && decision.count() == 0; i++) {
				citizen.navigate(url("/portal/postfach"));
				if (decision.count() == 0) {
					citizen.waitForTimeout(500);
				}
			}
			assertAccessible(citizen);
			decision.click();
			assertThat(citizen.locator("h1")).hasText("Bescheid: Hund anmelden (" + reference + ")");
			assertAccessible(citizen);
			Download document = citizen.waitForDownload(() -> citizen.getByRole(AriaRole.LINK,
					new Page.GetByRoleOptions().setName(Pattern.compile("Dokument herunterladen"))).click());
			assertThat(document.suggestedFilename()).isEqualTo("Bescheid-" + reference + ".pdf");
			assertThat(Files.size(document.path())).isGreaterThan(1000);

			// the clerk finds the closed case with its documents in the e-file
			clerk.navigate(url("/backoffice/akten"));
			assertAccessible(clerk);
			clerk.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^32\\.40.20"))).first().click();
			assertAccessible(clerk);
			link(clerk, reference).click();
			assertThat(clerk.locator("main")).containsText("Antragsdaten");
			assertThat(clerk.locator("main")).containsText("erlaubnis.pdf");
			for (int i = 0; i < 20 && clerk.getByText("abgeschlossen").count() == 0; i++) {
				clerk.waitForTimeout(250);
				clerk.reload();
			}
			assertThat(clerk.locator("main")).containsText("Bescheid");
			assertAccessible(clerk);
			clerk.navigate(url("/backoffice/akten/suche?q=" + reference));
			assertThat(clerk.getByRole(AriaRole.STATUS).first()).containsText("Treffer");
			assertAccessible(clerk);
			try (BrowserContext managerContext = browser.browser.newContext()) {
				Page manager = managerContext.newPage();
				signIn(manager, "registratur@musterstadt.example", "Demo-Passwort-2026");
				manager.navigate(url("/backoffice/aussonderung"));
				assertAccessible(manager);
			}
		}
	}

	@Test
	void aTooLargeUploadIsExplainedAndNothingIsStored() throws Exception {
		try (BrowserContext context = browser.browser.newContext()) {
			Page page = context.newPage();
			signIn(page, "buerger@example.org", "Demo-Passwort-2026");
			page.navigate(url("/portal/antraege/neu?leistung=hund-anmelden"));
			button(page, "Antrag beginnen").click();
			String step = page.url();
			String nachweise = step.replace("/schritt/halter", "/schritt/nachweise");
			page.getByLabel("Vorname").fill("Erika");
			page.getByLabel("Nachname").fill("Mustermann");
			page.getByLabel("Geburtsdatum").fill("12.08.1964");
			button(page, "Weiter").click();
			page.getByLabel("Straße").fill("Heidestraße");
			page.getByLabel("Hausnummer").fill("17");
			page.getByLabel("Postleitzahl").fill("51147");
			page.getByLabel("Ort").fill("Musterstadt");
			button(page, "Weiter").click();
			page.getByLabel("Name des Hundes").fill("Fiffi");
			page.getByLabel("Rasse").fill("Dackel");
			page.getByLabel("Geburtsdatum des Hundes").fill("01.05.2022");
			page.getByLabel("Chipnummer (Transponder)").fill("276098765432102");
			page.getByLabel("Gehalten seit").fill("01.03.2026");
			page.getByLabel("Nein", new Page.GetByLabelOptions().setExact(true)).check();
			button(page, "Weiter").click();
			assertThat(page).hasURL(nachweise);
			byte[] huge = new byte[26 * 1024 * 1024];
			System.arraycopy(pdf(), 0, huge, 0, pdf().length);
			page.getByLabel("Weitere Unterlagen (freiwillig)").setInputFiles(new FilePayload("riesig.pdf", "application/pdf", huge));
			button(page, "Datei hochladen").click();
			assertThat(page.getByRole(AriaRole.ALERT)).containsText("Die hochgeladenen Dateien sind zusammen zu groß");
			assertAccessible(page);
			link(page, "Zurück zum Formular").click();
			assertThat(page).hasURL(nachweise);
			assertThat(page.locator("main")).not().containsText("riesig.pdf");
		}
	}

	static byte[] pdf() throws Exception {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.addPage(new PDPage());
			document.save(out);
			return out.toByteArray();
		}
	}
}
