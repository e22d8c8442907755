// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.privacy.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import de.openrathaus.TestAccounts;
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
import org.springframework.test.web.servlet.MockMvc;

/**
 * The data protection officer finds every catalogue process marked "personal data" in the register, completes one,
 * freezes a version and exports PDF and XLSX; the privacy notice names the activity with its purpose; nobody else
 * reaches the register.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ProcessingRegisterIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theOfficerCompletesFreezesAndExportsTheRegisterThatListsEveryPersonalProcess() throws Exception {
		List<String> personal = TenantContext.callAs(accounts.tenant(),
				() -> jdbc.sql("select process_key from catalogue.process where personal_data order by department_code, process_key")
					.query(String.class).list());
		assertThat(personal).contains("BB-001");
		MockHttpSession officer = TestAccounts.signIn(mvc, "datenschutz@musterstadt.example", "Demo-Passwort-2026");
		String page = mvc.perform(get("/datenschutz/verzeichnis").session(officer)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		for (String key : personal) {
			assertThat(page).contains("id=\"t-" + key + "\"");
		}
		assertThat(page).contains("Verarbeitungstätigkeiten (" + personal.size() + ")");

		mvc.perform(post("/datenschutz/verzeichnis/taetigkeiten/BB-001").session(officer).with(csrf())
				.param("zweck", "Führen des Melderegisters nach dem Bundesmeldegesetz").param("betroffene", "Einwohnerinnen und Einwohner")
				.param("empfaenger", "Andere Meldebehörden, Finanzamt (§ 34 BMG)").param("loeschfristen", "5 Jahre nach Wegzug (§ 14 BMG)")
				.param("massnahmen", "Rollen und Rechte, TLS, Protokollierung"))
			.andExpect(flash().attribute("notice", "privacy.register.saved"));
		mvc.perform(post("/datenschutz/verzeichnis/taetigkeiten/GIBT-ES-NICHT").session(officer).with(csrf()).param("zweck", "x"))
			.andExpect(flash().attribute("refused", "privacy.register.unknownProcess"));
		mvc.perform(post("/datenschutz/verzeichnis/taetigkeiten/BB-001").session(officer).with(csrf()).param("zweck", "x".repeat(2001)))
			.andExpect(flash().attribute("refused", "privacy.register.tooLong"));
		mvc.perform(get("/datenschutz")).andExpect(content().string(allOf(containsString("Anmeldung einer Wohnung"),
				containsString("Führen des Melderegisters nach dem Bundesmeldegesetz"), containsString("5 Jahre nach Wegzug (§ 14 BMG)"))));

		mvc.perform(post("/datenschutz/verzeichnis/versionen").session(officer).with(csrf()))
			.andExpect(flash().attribute("notice", "privacy.register.published"));
		int version = TenantContext.callAs(accounts.tenant(),
				() -> jdbc.sql("select max(number) from privacy.register_version").query(Integer.class).single());
		String frozen = mvc.perform(get("/datenschutz/verzeichnis/versionen/" + version + ".json").session(officer)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(frozen).contains("\"process\": \"BB-001\"", "Andere Meldebehörden, Finanzamt (§ 34 BMG)");

		byte[] pdf = mvc.perform(get("/datenschutz/verzeichnis.pdf").session(officer)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsByteArray();
		assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		byte[] xlsx = mvc.perform(get("/datenschutz/verzeichnis.xlsx").session(officer)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("Zweck der Verarbeitung");
			List<String> keys = new ArrayList<>();
			for (Row row : sheet) {
				if (row.getRowNum() > 0) {
					keys.add(row.getCell(0).getStringCellValue());
				}
			}
			assertThat(keys).isEqualTo(personal);
		}
	}

	@Test
	void nobodyButTheOfficerReachesTheRegister() throws Exception {
		MockHttpSession admin = TestAccounts.signIn(mvc, "verwaltung@musterstadt.example", "Demo-Passwort-2026");
		MockHttpSession clerk = TestAccounts.signIn(mvc, accounts.clerk("Carla", "steuern"));
		for (MockHttpSession someone : new MockHttpSession[] {admin, clerk}) {
			mvc.perform(get("/datenschutz/verzeichnis").session(someone)).andExpect(status().isForbidden());
			mvc.perform(get("/datenschutz/verzeichnis.xlsx").session(someone)).andExpect(status().isForbidden());
			mvc.perform(post("/datenschutz/verzeichnis/versionen").session(someone).with(csrf())).andExpect(status().isForbidden());
		}
	}
}
