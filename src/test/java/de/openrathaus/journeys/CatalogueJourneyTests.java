// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static de.openrathaus.journeys.BrowserSupport.assertAccessible;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The catalogue in a real browser: the tax department uploads its workbook, the board changes a
 * weight and sees ranking and chart change, and plans a process for a year. axe-core checks every page.
 */
class CatalogueJourneyTests extends Journey {

	@Test
	void uploadWeighPlan() throws Exception {
		String prefix = "J" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
		try (BrowserContext clerkContext = browser.browser.newContext(); BrowserContext boardContext = browser.browser.newContext()) {
			Page clerk = clerkContext.newPage();
			signIn(clerk, "steuern@musterstadt.example");
			clerk.navigate(url("/backoffice/katalog"));
			assertAccessible(clerk);
			clerk.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tabelle hochladen")).click();
			assertAccessible(clerk);
			clerk.getByLabel("Ausgefüllte Tabelle (.xlsx)").setInputFiles(new FilePayload("steuern.xlsx",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook(prefix)));
			button(clerk, "Hochladen und prüfen").click();
			for (int i = 0; i < 40 && clerk.getByText("Die Tabelle ist übernommen").count() == 0; i++) {
				clerk.waitForTimeout(250);
				clerk.reload();
			}
			assertThat(clerk.getByRole(AriaRole.STATUS)).containsText("2 Prozesse neu angelegt");
			assertAccessible(clerk);
			clerk.navigate(url("/backoffice/katalog?fachbereich=steuern"));
			clerk.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Hundesteuer-Erinnerung " + prefix)).click();
			assertAccessible(clerk);
			clerk.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Bearbeiten")).click();
			assertAccessible(clerk);

			Page board = boardContext.newPage();
			signIn(board, "vorstand@musterstadt.example");
			board.navigate(url("/backoffice/priorisierung"));
			assertAccessible(board);
			String chartBefore = board.locator(".chart svg").innerHTML();
			String firstBefore = board.locator("tbody tr").first().locator("summary").textContent();
			for (String criterion : new String[] {"citizens", "businesses", "case-volume", "time-saved", "legal-pressure", "budget", "staff"}) {
				board.locator("#w-" + criterion).fill("0");
			}
			board.locator("#w-feasibility").fill("10");
			board.getByLabel("Beschluss oder Notiz").fill("Nur die Umsetzbarkeit zählt");
			button(board, "Gewichte speichern").click();
			assertThat(board.getByRole(AriaRole.STATUS).first()).containsText("neue Version");
			assertAccessible(board);
			assertThat(board.locator(".chart svg").innerHTML()).isNotEqualTo(chartBefore);
			String firstAfter = board.locator("tbody tr").first().locator("summary").textContent();
			assertThat(firstAfter).isNotEqualTo(firstBefore);

			board.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Maßnahmenplan")).click();
			assertAccessible(board);
			board.getByLabel("Prozess", new Page.GetByLabelOptions().setExact(true)).selectOption(prefix + "-1");
			board.getByLabel("Jahr").fill("2027");
			board.getByLabel("Verantwortlich").fill("Fachbereich Steuern");
			board.getByLabel("Stand").selectOption("IN_PROGRESS");
			button(board, "Einplanen").click();
			assertThat(board.getByRole(AriaRole.STATUS)).containsText("Der Maßnahmenplan ist gespeichert.");
			assertThat(board.locator("section:has(h2:text('2027'))")).containsText("Hundesteuer-Erinnerung " + prefix);
			assertAccessible(board);
			board.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("EGovG NRW")).click();
			assertAccessible(board);
		}
	}

	private void signIn(Page page, String email) {
		signIn(page, email, DEMO_PASSWORD);
	}

	static byte[] workbook(String prefix) throws Exception {
		String[] headings = {"Prozess-ID", "Fachbereich (Kürzel)", "Prozess", "Beschreibung", "Zielgruppen", "Art des Prozesses",
			"Personenbezogene Daten", "Besondere Kategorien (Art. 9 DSGVO)", "Fälle pro Jahr", "Gesetz fordert digitales Angebot",
			"Automatisierungspotenzial", "Nutzen Bürgerinnen und Bürger (0–5)", "Nutzen Wirtschaft (0–5)", "Zeitersparnis je Fall (Minuten)",
			"Budget (Euro)", "Personalaufwand (Personentage)", "Umsetzbarkeit (0–5)"};
		Object[][] rows = {
			{prefix + "-1", "steuern", "Hundesteuer-Erinnerung " + prefix, "Erinnerung an fällige Hundesteuer", "Bürger", "Service", "ja",
				"nein", 4000.0, "nein", "vollständig", 2.0, 0.0, 5.0, 2000.0, 3.0, 5.0},
			{prefix + "-2", "steuern", "Vergnügungsteuer " + prefix, "Erhebung der Vergnügungsteuer", "Wirtschaft", "Output", "ja", "nein",
				120.0, "nein", "teilweise", 0.0, 2.0, 20.0, 40000.0, 60.0, 2.0}};
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("Prozesse");
			Row head = sheet.createRow(0);
			for (int c = 0; c < headings.length; c++) {
				head.createCell(c).setCellValue(headings[c]);
			}
			for (int r = 0; r < rows.length; r++) {
				Row row = sheet.createRow(r + 1);
				for (int c = 0; c < rows[r].length; c++) {
					if (rows[r][c] instanceof Double d) {
						row.createCell(c).setCellValue(d);
					}
					else {
						row.createCell(c).setCellValue((String) rows[r][c]);
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}
}
