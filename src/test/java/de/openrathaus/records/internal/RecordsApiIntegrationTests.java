// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import de.openrathaus.TestAccounts;
import de.openrathaus.tenancy.TenantContext;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** Specialist software files into the e-file through the API, within its departments only. */
@SpringBootTest
@AutoConfigureMockMvc
class RecordsApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	RecordsStore store;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void createACaseAddADocumentAndAVersionDownloadItAndStayInTheDepartment() throws Exception {
		String marker = "API" + Long.toString(System.nanoTime(), 36).toUpperCase();
		UUID file = TenantContext.callAs(accounts.tenant(), () -> transactions.execute(s ->
				store.file(store.planEntryId("32.40").orElseThrow(), "32.40/" + marker, "Hundesteuer " + marker, "steuern")));
		String clerk = accounts.clerk("Fachverfahren", "steuern");
		var basic = httpBasic(clerk, TestAccounts.PASSWORD);
		mvc.perform(get("/api/v1/records/plan-entries").with(basic)).andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.number == '32.40')].procedureTypes[0]").value("hund-anmelden"));
		mvc.perform(get("/api/v1/records/files").param("planNumber", "32.40").param("size", "500").with(basic)).andExpect(status().isOk());
		String created = mvc.perform(post("/api/v1/records/files/" + file + "/cases").param("reference", marker + "-1")
				.param("title", "Veranlagung").with(basic))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("OPEN")).andReturn().getResponse().getContentAsString();
		String caseId = created.replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");
		mvc.perform(post("/api/v1/records/files/" + file + "/cases").param("reference", marker + "-1").param("title", "nochmal").with(basic))
			.andExpect(status().isConflict());
		mvc.perform(post("/api/v1/records/files/" + file + "/cases").param("reference", "../x y").param("title", "x").with(basic))
			.andExpect(status().isBadRequest());

		String versions = mvc.perform(multipart("/api/v1/records/cases/" + caseId + "/documents")
				.file(new MockMultipartFile("file", "bescheid.txt", "text/plain", "Bescheid Fassung 1".getBytes())).param("title", "Bescheid").with(basic))
			.andExpect(status().isCreated()).andExpect(jsonPath("$[0].version").value(1)).andReturn().getResponse().getContentAsString();
		String document = versions.replaceAll(".*\"document\":\"([0-9a-f-]{36})\".*", "$1");
		mvc.perform(multipart("/api/v1/records/cases/" + caseId + "/documents")
				.file(new MockMultipartFile("file", "kopie.txt", "text/plain", "Bescheid Fassung 1".getBytes())).with(basic))
			.andExpect(status().isConflict());
		String after = mvc.perform(multipart("/api/v1/records/cases/" + caseId + "/documents/" + document + "/versions")
				.file(new MockMultipartFile("file", "bescheid-2.txt", "text/plain", "Bescheid Fassung 2".getBytes())).with(basic))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.length()").value(2)).andReturn().getResponse().getContentAsString();
		String second = after.replaceAll(".*\"id\":\"([0-9a-f-]{36})\",\"document\":\"[0-9a-f-]{36}\",\"documentTitle\":\"Bescheid\",\"version\":2.*", "$1");
		byte[] content = mvc.perform(get("/api/v1/records/versions/" + second + "/content").with(basic)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(new String(content)).isEqualTo("Bescheid Fassung 2");

		var other = httpBasic(accounts.clerk("Fremdverfahren", "ordnung"), TestAccounts.PASSWORD);
		mvc.perform(get("/api/v1/records/cases/" + caseId + "/documents").with(other)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/records/versions/" + second + "/content").with(other)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/records/files").with(httpBasic(clerk, "falsch"))).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/records/openapi.yaml")).andExpect(status().isOk());
	}
}
