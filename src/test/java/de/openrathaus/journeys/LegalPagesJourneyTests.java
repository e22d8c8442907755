// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import de.openrathaus.TestAccounts;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A visitor follows the footer's three legal links to accessible pages and reports a barrier; the data protection
 * officer's register and breach pages and the administrators' editor are accessible too. A citizen erases their
 * account and is signed out in every browser; the officer carries out an erasure request in writing.
 */
class LegalPagesJourneyTests extends Journey {

	@Autowired
	TestAccounts accounts;

	@Test
	void aVisitorFollowsTheFooterLinksAndReportsABarrierOnAccessiblePages() {
		try (Page page = browser.browser.newPage()) {
			page.navigate(url("/leistungen"));
			link(page, "Impressum").click();
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Impressum");
			BrowserSupport.assertAccessible(page);
			link(page, "Datenschutz").click();
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Datenschutzerklärung");
			BrowserSupport.assertAccessible(page);
			link(page, "Barrierefreiheit").click();
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Erklärung zur Barrierefreiheit");
			BrowserSupport.assertAccessible(page);

			page.getByLabel("Welche Barriere ist Ihnen begegnet?").fill("Die Schrift im Formular lässt sich nicht vergrößern.");
			button(page, "Meldung senden").click();
			assertThat(page.getByRole(AriaRole.STATUS)).containsText("Ihre Meldung ist eingegangen");
			BrowserSupport.assertAccessible(page);
		}
	}

	@Test
	void theOfficersPagesAreAccessible() {
		try (Page page = browser.browser.newPage()) {
			signIn(page, "datenschutz@musterstadt.example", DEMO_PASSWORD);
			page.navigate(url("/datenschutz/verzeichnis"));
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Verzeichnis von Verarbeitungstätigkeiten");
			BrowserSupport.assertAccessible(page);
			page.navigate(url("/datenschutz/vorfaelle"));
			BrowserSupport.assertAccessible(page);
			// an access request in writing: an unknown address is explained, a citizen's answer downloads
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Auskunftsersuchen")).click();
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Auskunftsersuchen (Art. 15 DSGVO)");
			BrowserSupport.assertAccessible(page);
			page.getByLabel("E-Mail-Adresse des Servicekontos").fill("niemand@example.org");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Auskunft erstellen")).click();
			assertThat(page.getByRole(AriaRole.ALERT)).containsText("kein eindeutiges Servicekonto");
			BrowserSupport.assertAccessible(page);
			page.getByLabel("E-Mail-Adresse des Servicekontos").fill("buerger@example.org");
			com.microsoft.playwright.Download answer = page.waitForDownload(
					() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Auskunft erstellen")).click());
			org.assertj.core.api.Assertions.assertThat(answer.suggestedFilename()).endsWith(".zip");
			page.reload();
			assertThat(page.locator("main table")).containsText("durch die Datenschutzbeauftragte");
			BrowserSupport.assertAccessible(page);

			// an erasure request in writing: preview, then carried out and listed
			String person = accounts.citizen("Leopoldine");
			String number = accounts.idOf(person).toString();
			link(page, "Löschersuchen").click();
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Löschersuchen (Art. 17 DSGVO)");
			BrowserSupport.assertAccessible(page);
			page.getByLabel("E-Mail-Adresse des Servicekontos").fill(person);
			button(page, "Vorschau der Löschung").click();
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Vorschau der Löschung");
			assertThat(page.locator("main")).containsText("Leopoldine");
			BrowserSupport.assertAccessible(page);
			button(page, "Löschung durchführen").click();
			assertThat(page.getByRole(AriaRole.STATUS)).containsText("ist gelöscht");
			BrowserSupport.assertAccessible(page);
			link(page, "Zurück zu den Löschersuchen").click();
			assertThat(page.locator("main table")).containsText(number);
		}
	}

	@Test
	void aCitizenErasesTheirAccountAndIsSignedOutInEveryBrowser() {
		String person = accounts.citizen("Kunigunde");
		try (Page page = browser.browser.newPage(); Page elsewhere = browser.browser.newPage()) {
			signIn(page, person, TestAccounts.PASSWORD);
			signIn(elsewhere, person, TestAccounts.PASSWORD);
			page.navigate(url("/portal"));
			link(page, "Konto und Daten löschen").click();
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Konto und Daten löschen");
			assertThat(page.locator("main")).containsText("Wird gelöscht");
			BrowserSupport.assertAccessible(page);
			button(page, "Konto endgültig löschen").click();
			assertThat(page.getByRole(AriaRole.ALERT)).containsText("Bitte bestätigen Sie");
			BrowserSupport.assertAccessible(page);
			page.getByLabel("Ich möchte mein Servicekonto endgültig löschen.").check();
			button(page, "Konto endgültig löschen").click();
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Ihr Servicekonto ist gelöscht");
			assertThat(page.locator("main")).containsText("Bleibt gespeichert");
			BrowserSupport.assertAccessible(page);

			// the other browser's session ended with the account
			elsewhere.navigate(url("/portal"));
			org.assertj.core.api.Assertions.assertThat(elsewhere.url()).contains("/anmelden");
			page.navigate(url("/portal"));
			org.assertj.core.api.Assertions.assertThat(page.url()).contains("/anmelden");
		}
	}

	@Test
	void theAdministratorsLegalPagesEditorIsAccessible() {
		try (Page page = browser.browser.newPage()) {
			signIn(page, "verwaltung@musterstadt.example", DEMO_PASSWORD);
			page.navigate(url("/admin/rechtliches"));
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Rechtliche Seiten");
			BrowserSupport.assertAccessible(page);
			page.navigate(url("/admin"));
			assertThat(page.getByText("Ausgeschaltet: Hochgeladene Dateien werden nicht auf Schadsoftware geprüft.")).isVisible();
			BrowserSupport.assertAccessible(page);
		}
	}
}
