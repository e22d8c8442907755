// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import de.openrathaus.TestAccounts;
import de.openrathaus.tenancy.TenantContext;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Departments record processes, the organisation reviews them, the board weighs and plans. */
@SpringBootTest
@AutoConfigureMockMvc
class CatalogueIntegrationTests {

	static final String DEMO_PASSWORD = "Demo-Passwort-2026";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	String key = "TST-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

	MockHttpServletRequestBuilder process(String url, String... overrides) {
		java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
		String[] defaults = {"key", key, "department", "steuern", "name", "Zweitwohnungsteuer erheben", "description",
				"Erhebung der Zweitwohnungsteuer", "targetGroups", "CITIZENS", "kind", "OUTPUT", "personalData", "ja", "specialCategories",
				"nein", "casesPerYear", "1.500", "lawDemandsDigital", "ja", "digitalLaw", "OZG", "digitalDeadline", "31.12.2022",
				"automationPotential", "PARTIAL", "citizenBenefit", "3", "businessBenefit", "0", "minutesSavedPerCase", "15", "budgetEur",
				"20000", "staffDays", "30", "feasibility", "4", "version", "0"};
		for (int i = 0; i < defaults.length; i += 2) {
			values.put(defaults[i], defaults[i + 1]);
		}
		for (int i = 0; i < overrides.length; i += 2) {
			values.put(overrides[i], overrides[i + 1]);
		}
		MockHttpServletRequestBuilder request = post(url).with(csrf());
		values.forEach((k, v) -> request.param(k, v));
		return request;
	}

	@Test
	void aDepartmentRecordsAProcessTheOrganisationReturnsAndThenAcceptsIt() throws Exception {
		MockHttpSession clerk = TestAccounts.signIn(mvc, accounts.clerk("Sven", "steuern"));
		String location = mvc.perform(process("/backoffice/katalog").session(clerk)).andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		String id = location.substring(location.lastIndexOf('/') + 1);
		mvc.perform(get(location).session(clerk)).andExpect(content().string(containsString("Zweitwohnungsteuer erheben")))
			.andExpect(content().string(containsString("Angelegt")))
			// German number and date formats on the German page, English ones on the English page
			.andExpect(content().string(containsString("<dd>1.500</dd>"))).andExpect(content().string(containsString("<dd>31.12.2022</dd>")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("2022-12-31"))));
		mvc.perform(get(location).param("lang", "en").session(clerk)).andExpect(content().string(containsString("<dd>1,500</dd>")));
		mvc.perform(post(location + "/einreichen").session(clerk).with(csrf())).andExpect(flash().attribute("notice", "catalogue.submitted"));

		MockHttpSession reviewer = TestAccounts.signIn(mvc, "organisation@musterstadt.example", DEMO_PASSWORD);
		mvc.perform(post(location + "/pruefung").param("ergebnis", "zurueck").param("kommentar", "").session(reviewer).with(csrf()))
			.andExpect(flash().attribute("refused", "catalogue.refused.commentNeeded"));
		mvc.perform(post(location + "/pruefung").param("ergebnis", "zurueck").param("kommentar", "Fallzahl bitte belegen")
				.session(reviewer).with(csrf()))
			.andExpect(flash().attribute("notice", "catalogue.returned"));
		assertThat(statusOf(id)).isEqualTo("DRAFT");

		mvc.perform(process(location, "casesPerYear", "1.650", "version", String.valueOf(version(id))).session(clerk))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post(location + "/einreichen").session(clerk).with(csrf()));
		mvc.perform(post(location + "/pruefung").param("ergebnis", "geprueft").session(reviewer).with(csrf()))
			.andExpect(flash().attribute("notice", "catalogue.reviewed"));
		assertThat(statusOf(id)).isEqualTo("REVIEWED");
		mvc.perform(get(location).session(clerk))
			.andExpect(content().string(containsString("Fallzahl bitte belegen")))
			.andExpect(content().string(containsString("casesPerYear: 1500 → 1650")))
			.andExpect(content().string(containsString("Otto Organisation")));
	}

	@Test
	void badValuesAreExplainedAndNothingIsStored() throws Exception {
		MockHttpSession clerk = TestAccounts.signIn(mvc, accounts.clerk("Sina", "steuern"));
		mvc.perform(process("/backoffice/katalog", "casesPerYear", "viele", "feasibility", "9", "name", "").session(clerk))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"#p-casesPerYear\"")))
			.andExpect(content().string(containsString("„viele“ ist keine ganze Zahl.")))
			.andExpect(content().string(containsString("Erlaubt sind ganze Zahlen von 0 bis 5.")));
		assertThat(count()).isZero();
	}

	@Test
	void anotherDepartmentCannotRecordOrChangeOurProcesses() throws Exception {
		MockHttpSession other = TestAccounts.signIn(mvc, accounts.clerk("Olli", "ordnung"));
		mvc.perform(process("/backoffice/katalog").session(other)).andExpect(content().string(containsString("nur Prozesse Ihres Fachbereichs")));
		assertThat(count()).isZero();
		MockHttpSession citizen = TestAccounts.signIn(mvc, accounts.citizen("Bea"));
		mvc.perform(get("/backoffice/katalog").session(citizen)).andExpect(status().isForbidden());
	}

	@Test
	void theBoardSetsWeightsAsANewVersionAndPlansAProcess() throws Exception {
		MockHttpSession clerk = TestAccounts.signIn(mvc, accounts.clerk("Sven", "steuern"));
		mvc.perform(process("/backoffice/katalog").session(clerk));
		MockHttpSession board = TestAccounts.signIn(mvc, "vorstand@musterstadt.example", DEMO_PASSWORD);
		mvc.perform(get("/backoffice/priorisierung").session(board)).andExpect(status().isOk())
			.andExpect(content().string(containsString("<svg"))).andExpect(content().string(containsString(key)))
			// the explanation spells out the scaling to 100 points, in German number format
			.andExpect(content().string(org.hamcrest.Matchers.matchesPattern("(?s).*→ \\d,\\d\\d × Gewicht \\d+ × 100 ÷ Summe der Gewichte \\d+ = [+−]\\d+,\\d\\d.*")));
		String saved = mvc.perform(post("/backoffice/priorisierung").param("citizens", "5").param("businesses", "0").param("case-volume", "2")
				.param("time-saved", "2").param("legal-pressure", "0").param("budget", "1").param("staff", "1").param("feasibility", "3")
				.param("notiz", "Beschluss VV 12/2026").session(board).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(saved).startsWith("/backoffice/priorisierung?gewichte=");
		mvc.perform(get(saved).session(board)).andExpect(content().string(containsString("Vera Vorstand")));
		mvc.perform(post("/backoffice/priorisierung").param("citizens", "11").session(board).with(csrf()))
			.andExpect(flash().attribute("refused", "ranking.weight.invalid"));
		mvc.perform(post("/backoffice/priorisierung").param("citizens", "5").session(clerk).with(csrf())).andExpect(status().isForbidden());

		mvc.perform(post("/backoffice/massnahmenplan").param("prozess", key).param("jahr", "2027").param("verantwortlich", "FB Steuern")
				.param("stand", "PLANNED").session(board).with(csrf()))
			.andExpect(flash().attribute("notice", "plan.saved"));
		mvc.perform(post("/backoffice/massnahmenplan").param("prozess", key).param("jahr", "2031").session(board).with(csrf()))
			.andExpect(flash().attribute("refused", "plan.year.invalid"));
		mvc.perform(get("/backoffice/massnahmenplan").session(clerk)).andExpect(content().string(containsString(key)))
			.andExpect(content().string(containsString("2027"))).andExpect(content().string(not(containsString("Prozess einplanen"))));
		mvc.perform(post("/backoffice/massnahmenplan").param("prozess", key).param("jahr", "2028").session(clerk).with(csrf()))
			.andExpect(status().isForbidden());

		byte[] pdf = mvc.perform(get("/backoffice/massnahmenplan.pdf").session(board)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		de.openrathaus.files.PdfRendererTests.assertPdfA2b(pdf);
		try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)).contains("Maßnahmenplan E-Government").contains(key)
				.contains("FB Steuern");
		}
		byte[] xlsx = mvc.perform(get("/backoffice/massnahmenplan.xlsx").session(board)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
			var sheet = workbook.getSheet("Maßnahmenplan");
			boolean found = false;
			for (var row : sheet) {
				found |= key.equals(row.getCell(1).getStringCellValue()) && row.getCell(0).getNumericCellValue() == 2027;
			}
			assertThat(found).isTrue();
		}
	}

	@Test
	void theComplianceViewMeasuresTheRunningPlatform() throws Exception {
		MockHttpSession clerk = TestAccounts.signIn(mvc, accounts.clerk("Sven", "steuern"));
		mvc.perform(get("/backoffice/egovg").session(clerk)).andExpect(status().isOk())
			.andExpect(content().string(containsString("3 von 4 Online-Verfahren erheben eine Gebühr")))
			// the simulator is configured; whether anything has been paid depends on the tests that shared the
			// database before (CI's second run); ComplianceTests checks each state on its own
			.andExpect(content().string(org.hamcrest.Matchers.anyOf(containsString("noch keine Zahlung ist eingegangen"),
					containsString("Zahlungen sind eingegangen"))))
			.andExpect(content().string(containsString("Kein De-Mail-Gateway")))
			// the e-file of this installation, with the default file plan taking the dog registration
			.andExpect(content().string(containsString("E-Akte mit Aktenplan")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("Noch keine E-Akte"))));
	}

	@Test
	void theDemoCatalogueHasAtLeastSixtyProcessesInTenDepartmentsMarkedAsDemo() {
		var counts = TenantContext.callAs(accounts.tenant(), () -> jdbc.sql(
				"select count(*) as processes, count(distinct department_code) as departments, bool_and(demo) as demo "
						+ "from catalogue.process where demo")
			.query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getBoolean(3) ? 1 : 0}).single());
		assertThat(counts[0]).as("demo processes").isGreaterThanOrEqualTo(60);
		assertThat(counts[1]).as("departments").isGreaterThanOrEqualTo(10);
	}

	private String statusOf(String id) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select status from catalogue.process where id = ?::uuid")
			.param(id).query(String.class).single());
	}

	private int version(String id) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select version from catalogue.process where id = ?::uuid")
			.param(id).query(Integer.class).single());
	}

	private long count() {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select count(*) from catalogue.process where process_key = ?")
			.param(key).query(Long.class).single());
	}
}
