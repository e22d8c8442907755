// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.ZipInputStream;

import de.openrathaus.TestAccounts;
import de.openrathaus.records.retention.XdomeaIntegrationTests;
import de.openrathaus.records.web.RecordsController;
import de.openrathaus.tenancy.TenantContext;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A new user of the demo finds an e-file to try: cases past their retention period for the records
 * manager (council minutes for the archive, dog tax cases to destroy) and searchable documents.
 */
@SpringBootTest(properties = "openrathaus.demo.e-file=true")
@AutoConfigureMockMvc
class DemoRecordsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	DemoRecords demo;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDemoEFileHasCasesDueForTheArchiveAndForDestructionAndSearchableDocuments() throws Exception {
		MockHttpSession manager = TestAccounts.signIn(mvc, "registratur@musterstadt.example", "Demo-Passwort-2026");
		// listed by the check at start-up, without pressing "Jetzt prüfen"
		mvc.perform(get("/backoffice/aussonderung").session(manager)).andExpect(status().isOk())
			// WCAG 2.5.3: the accessible name starts with the visible text
			.andExpect(content().string(containsString("aria-label=\"Vernichtung bestätigen: DEMO-HUND-2013-017\"")))
			.andExpect(content().string(containsString("DEMO-RAT-1994-03")))
			.andExpect(content().string(containsString("DEMO-HUND-2013-017")))
			.andExpect(content().string(containsString("DEMO-HUND-2013-042")))
			.andExpect(content().string(not(containsString("DEMO-HUND-2026-003"))));
		XdomeaIntegrationTests.schema();
		byte[] zip = mvc.perform(get("/backoffice/aussonderung/anbieteverzeichnis.zip").session(manager)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			in.getNextEntry();
			byte[] xml = in.readAllBytes();
			assertThat(XdomeaIntegrationTests.validate(xml)).isEmpty();
			assertThat(new String(xml, StandardCharsets.UTF_8)).contains("DEMO-RAT-1994-03").contains("DEMO-RAT-1994-09")
				.doesNotContain("DEMO-HUND-2013");
		}

		MockHttpSession clerk = TestAccounts.signIn(mvc, "steuern@musterstadt.example", "Demo-Passwort-2026");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> mvc.perform(get("/backoffice/akten/suche").param("q", "Assistenzhunde")
				.session(clerk))
			.andExpect(content().string(containsString("DEMO-HUND-2026-003")))
			.andExpect(content().string(containsString("<mark>Assistenzhund</mark>"))));

		// an impossible date is named and nothing is searched (it used to be read as 28.02.2026)
		mvc.perform(get("/backoffice/akten/suche").param("q", "Assistenzhunde").param("von", "31.02.2026").session(clerk))
			.andExpect(content().string(containsString("„31.02.2026“ ist kein gültiges Datum")))
			.andExpect(content().string(not(containsString("DEMO-HUND-2026-003"))));
		assertThat(RecordsController.day("31.02.2026")).isNull();
		assertThat(RecordsController.day("28.02.2026")).isEqualTo(java.time.LocalDate.of(2026, 2, 28));

		// a restart adds nothing: the demo files are made once
		demo.create();
		assertThat(TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select count(*) from records.record_case where source like 'demo:%'")
			.query(Integer.class).single())).isEqualTo(DemoRecords.CASES.size());
	}
}
