// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.catalogue.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import de.openrathaus.TestAccounts;
import de.openrathaus.account.AccountDirectory;
import de.openrathaus.account.AccountId;
import de.openrathaus.account.AccountKind;
import de.openrathaus.account.DepartmentCode;
import de.openrathaus.account.SignedInUser;
import de.openrathaus.account.StaffRole;
import de.openrathaus.account.TrustLevel;
import de.openrathaus.tenancy.TenantContext;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Spreadsheets filled like departments fill them: a good one is taken over, a broken one changes nothing. */
@SpringBootTest
@AutoConfigureMockMvc
class CatalogueImportIntegrationTests {

	@Autowired
	CatalogueImports imports;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountDirectory directory;

	String prefix = "I" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();

	static final String[] HEADINGS = {"Prozess-ID *", "Fachbereich (Kürzel) *", "Prozess *", "Beschreibung *", "Zielgruppen *",
			"Art des Prozesses *", "Personenbezogene Daten *", "Besondere Kategorien (Art. 9 DSGVO) *", "Fälle pro Jahr *",
			"Gesetz fordert digitales Angebot *", "Welches Gesetz", "Frist", "Automatisierungspotenzial *",
			"Nutzen Bürgerinnen und Bürger (0–5) *", "Nutzen Wirtschaft (0–5) *", "Zeitersparnis je Fall (Minuten) *", "Budget (Euro) *",
			"Personalaufwand (Personentage) *", "Umsetzbarkeit (0–5) *"};

	Object[] row(String key, Object cases) {
		return new Object[] {key, "steuern", "Prozess " + key, "Beschreibung", "Bürger, Wirtschaft", "Output", "ja", "nein", cases, "ja",
			"OZG", "31.12.2022", "teilweise", 4.0, 1.0, 10.0, 5000.0, 10.0, 3.0};
	}

	static byte[] workbook(Object[]... rows) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("Prozesse");
			Row head = sheet.createRow(0);
			for (int c = 0; c < HEADINGS.length; c++) {
				head.createCell(c).setCellValue(HEADINGS[c]);
			}
			for (int r = 0; r < rows.length; r++) {
				Row row = sheet.createRow(r + 1);
				for (int c = 0; c < rows[r].length; c++) {
					Object v = rows[r][c];
					if (v instanceof Double d) {
						row.createCell(c).setCellValue(d);
					}
					else if (v instanceof String s && s.startsWith("=")) {
						row.createCell(c).setCellFormula(s.substring(1));
					}
					else if (v != null) {
						row.createCell(c).setCellValue(String.valueOf(v));
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

	SignedInUser steuernClerk() {
		return new SignedInUser(AccountId.random(), accounts.tenant(), AccountKind.STAFF, "x@example.org", "Importeur", TrustLevel.LOW,
				java.util.Map.of(new DepartmentCode("steuern"), java.util.Set.of(StaffRole.CLERK)));
	}

	CatalogueImports.Job run(byte[] content) {
		SignedInUser user = steuernClerk();
		CatalogueImports.Job job = new CatalogueImports.Job(user.tenant(), user.id(), "test.xlsx", java.time.Instant.now());
		TenantContext.runAs(user.tenant(), () -> imports.run(job, user, content));
		return job;
	}

	long count() {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select count(*) from catalogue.process where process_key like ?")
			.param(prefix + "%").query(Long.class).single());
	}

	List<String> messages(CatalogueImports.Job job) {
		return job.problems.stream().map(p -> p.sheet() + "!" + p.column() + p.row() + " " + p.message()).toList();
	}

	@Test
	void aGoodWorkbookCreatesAndAReimportChangesOnlyWhatChanged() throws Exception {
		CatalogueImports.Job first = run(workbook(row(prefix + "-1", 1200.0), row(prefix + "-2", "3.400"), row(prefix + "-3", 80.0)));
		assertThat(first.phase).as(() -> messages(first).toString()).isEqualTo(CatalogueImports.Phase.DONE);
		assertThat(first.created).isEqualTo(3);
		assertThat(count()).isEqualTo(3);
		CatalogueImports.Job second = run(workbook(row(prefix + "-1", 1200.0), row(prefix + "-2", 3500.0), row(prefix + "-3", 80.0)));
		assertThat(second.created).isZero();
		assertThat(second.changed).isOne();
		assertThat(second.unchanged).isEqualTo(2);
	}

	@Test
	void everyBrokenCellIsReportedWithItsPlaceAndNothingIsImported() throws Exception {
		Object[] wrongType = row(prefix + "-1", "viele");
		Object[] unknownCode = row(prefix + "-2", 10.0);
		unknownCode[1] = "gibtsnicht";
		unknownCode[5] = "Irgendwas";
		Object[] missing = row(prefix + "-3", 10.0);
		missing[2] = null;
		Object[] formula = row(prefix + "-4", "=10*2");
		Object[] duplicate = row(prefix + "-1", 10.0);
		CatalogueImports.Job job = run(workbook(wrongType, unknownCode, missing, formula, duplicate, row(prefix + "-6", 5.0)));
		assertThat(job.phase).isEqualTo(CatalogueImports.Phase.REJECTED);
		assertThat(messages(job)).containsExactlyInAnyOrder(
				"Prozesse!I2 Fälle pro Jahr: „viele“ ist keine ganze Zahl.",
				"Prozesse!B3 Fachbereich (Kürzel): Unbekannter Fachbereich „gibtsnicht“.",
				"Prozesse!F3 Art des Prozesses: „Irgendwas“ ist nicht vorgesehen. Erlaubt: Steuerung, Output, Service.",
				"Prozesse!C4 Prozess: Angabe fehlt.",
				"Prozesse!I5 Die Zelle enthält eine Formel. Tragen Sie bitte den Wert selbst ein.",
				"Prozesse!I5 Fälle pro Jahr: Angabe fehlt.",
				"Prozesse!A6 Prozess-ID: „" + prefix + "-1“ steht schon in Zeile 2.");
		assertThat(count()).isZero();
	}

	@Test
	void anotherDepartmentsRowsAreRefused() throws Exception {
		Object[] foreign = row(prefix + "-1", 10.0);
		foreign[1] = "ordnung";
		CatalogueImports.Job job = run(workbook(foreign));
		assertThat(messages(job)).containsExactly("Prozesse!B2 Fachbereich: Prozesse von „ordnung“ dürfen Sie nicht ändern.");
		assertThat(count()).isZero();
	}

	@Test
	void emptyMissingColumnsNotXlsxAndZipBombsAreRejectedWithAClearMessage() throws Exception {
		assertThat(messages(run(workbook()))).containsExactly("Prozesse!0 Das Blatt „Prozesse“ enthält keine Prozesse (nur die Überschriften).");
		try (XSSFWorkbook empty = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			empty.createSheet("Prozesse").createRow(0).createCell(0).setCellValue("Prozess-ID");
			empty.write(out);
			assertThat(messages(run(out.toByteArray()))).contains("Prozesse!1 Die Spalte „Fachbereich (Kürzel)“ fehlt in der Überschriftenzeile.");
		}
		assertThat(messages(run("Name;Fachbereich\nHund;steuern\n".getBytes()))).containsExactly(
				"!0 Die Datei ist keine lesbare Excel-Arbeitsmappe (.xlsx). Speichern Sie sie bitte im Format „Excel-Arbeitsmappe“.");
		assertThat(messages(run(bomb()))).containsExactly(
				"!0 Die Datei entpackt sich ungewöhnlich stark (möglicherweise eine Zip-Bombe) und wird nicht gelesen.");
		assertThat(count()).isZero();
	}

	@Test
	void hugeFilesAndSheetsAreRefused() throws Exception {
		MockHttpSession clerk = TestAccounts.signIn(mvc, accounts.clerk("Hugo", "steuern"));
		byte[] elevenMegabytes = new byte[11 * 1024 * 1024];
		mvc.perform(multipart("/backoffice/katalog/import").file(new MockMultipartFile("tabelle", "riesig.xlsx", ImportController.XLSX,
				elevenMegabytes)).session(clerk).with(csrf()))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("refused", "import.tooLarge"));
		Object[][] rows = new Object[Workbooks.MAX_ROWS + 1][];
		for (int i = 0; i < rows.length; i++) {
			rows[i] = row(prefix + "-" + i, 1.0);
		}
		assertThat(messages(run(workbook(rows)))).containsExactly(
				"Prozesse!0 Die Tabelle hat mehr als 20000 Zeilen. Teilen Sie sie bitte auf.");
		assertThat(count()).isZero();
	}

	/** A workbook whose sheet is 50 MB of one repeated character: compresses more than a thousand times. */
	static byte[] bomb() throws Exception {
		byte[] sheet = workbook(new Object[] {"X"});
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (var zipIn = new java.util.zip.ZipInputStream(new ByteArrayInputStream(sheet));
				var zipOut = new java.util.zip.ZipOutputStream(out)) {
			java.util.zip.ZipEntry entry;
			while ((entry = zipIn.getNextEntry()) != null) {
				zipOut.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
				byte[] content = zipIn.readAllBytes();
				if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
					String xml = new String(content, java.nio.charset.StandardCharsets.UTF_8);
					xml = xml.replace("</worksheet>", "<!--" + "a".repeat(50_000_000) + "--></worksheet>");
					content = xml.getBytes(java.nio.charset.StandardCharsets.UTF_8);
				}
				zipOut.write(content);
				zipOut.closeEntry();
			}
		}
		return out.toByteArray();
	}

	@Test
	void theTemplateRoundTripsThroughTheUploadPageWithProgress() throws Exception {
		MockHttpSession clerk = TestAccounts.signIn(mvc, accounts.clerk("Tina", "steuern"));
		run(workbook(row(prefix + "-1", 100.0)));
		byte[] template = mvc.perform(get("/backoffice/katalog/vorlage.xlsx").param("fachbereich", "steuern").session(clerk))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		Workbooks.Reading reading = Workbooks.read(new ByteArrayInputStream(template));
		assertThat(reading.problems()).isEmpty();
		assertThat(reading.rows()).anyMatch(r -> r.values().get(ProcessField.KEY).equals(prefix + "-1"));
		String location = mvc.perform(multipart("/backoffice/katalog/import")
				.file(new MockMultipartFile("tabelle", "katalog.xlsx", ImportController.XLSX, template)).session(clerk).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/backoffice/katalog/import/");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> mvc.perform(get(location).session(clerk))
			.andExpect(content().string(containsString("Die Tabelle ist übernommen"))));
		MockHttpSession stranger = TestAccounts.signIn(mvc, accounts.clerk("Udo", "steuern"));
		mvc.perform(get(location).session(stranger)).andExpect(status().isNotFound());
	}
}
