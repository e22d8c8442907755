// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import de.openrathaus.TestAccounts;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The information security officer records a system, assesses a process that runs on it and sees the
 * system inherit its need; then takes a module into the ISMS register. Every page passes axe.
 */
class InformationSecurityJourneyTests extends Journey {

	@Autowired
	TestAccounts accounts;

	@Test
	void theOfficerAssessesAProcessAndKeepsTheIsmsRegister() {
		try (Page page = browser.browser.newPage()) {
			signIn(page, accounts.staff("Ilse", "organisation", "SECURITY_OFFICER"), TestAccounts.PASSWORD);
			link(page, "Schutzbedarf").first().click();
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Schutzbedarfsfeststellung");
			BrowserSupport.assertAccessible(page);

			link(page, "IT-System erfassen").click();
			BrowserSupport.assertAccessible(page);
			button(page, "Speichern").click();
			assertThat(page.getByRole(AriaRole.ALERT)).containsText("Bitte geben Sie einen Namen an");
			BrowserSupport.assertAccessible(page);
			page.getByLabel("Name").fill("Fachverfahren Steuern (Reise)");
			page.getByLabel("Art").selectOption("APPLICATION");
			button(page, "Speichern").click();
			assertThat(page.getByRole(AriaRole.STATUS)).containsText("Gespeichert");

			page.locator("main table").first().getByRole(AriaRole.LINK).first().click();
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Schutzbedarf eines Prozesses");
			BrowserSupport.assertAccessible(page);
			page.locator("#vertraulichkeit-HIGH").check();
			page.locator("#integritaet-NORMAL").check();
			page.locator("#verfuegbarkeit-NORMAL").check();
			page.getByLabel("Begründung").fill("Steuergeheimnis; bei Ausfall verzögert sich nur die Veranlagung.");
			page.getByLabel("Fachverfahren Steuern (Reise)").check();
			button(page, "Speichern").click();
			assertThat(page.locator("main")).containsText("geerbt von");
			BrowserSupport.assertAccessible(page);

			page.navigate(url("/sicherheit/isms"));
			BrowserSupport.assertAccessible(page);
			page.getByLabel("Baustein", new Page.GetByLabelOptions().setExact(true)).fill("CON.2");
			button(page, "Baustein aufnehmen").click();
			assertThat(page.getByRole(AriaRole.STATUS)).containsText("aufgenommen");
			assertThat(page.locator("main")).containsText("CON.2 Datenschutz");
			BrowserSupport.assertAccessible(page);
		}
	}
}
