// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import de.openrathaus.account.DepartmentCode;
import de.openrathaus.TestAccounts;
import de.openrathaus.records.filing.FileId;
import de.openrathaus.records.filing.RecordsStore;
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
		FileId file = TenantContext.callAs(accounts.tenant(), () -> transactions.execute(s ->
				store.file(store.planEntryId("32.40").orElseThrow(), "32.40/" + marker, "Hundesteuer " + marker, new DepartmentCode("steuern"))));
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

	@Test
	void specialistSoftwareCallsWithAnApiKeyTheAdministratorCreatedUntilItIsRevoked() throws Exception {
		String marker = "KEY" + Long.toString(System.nanoTime(), 36).toUpperCase();
		String clerk = accounts.clerk("Schluessel", "steuern");
		var admin = TestAccounts.signIn(mvc, "verwaltung@musterstadt.example", "Demo-Passwort-2026");
		String key = (String) mvc.perform(post("/admin/api-schluessel").param("account", accounts.idOf(clerk).toString())
				.param("name", "Fachverfahren " + marker).session(admin).with(csrf()))
			.andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("createdToken");
		assertThat(key).startsWith("ort_").hasSizeGreaterThan(40);
		mvc.perform(get("/admin").session(admin)).andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
					org.hamcrest.Matchers.containsString(key)));
		mvc.perform(get("/admin").session(admin)).andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
					org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("Fachverfahren " + marker),
							org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(key)))));
		String bearer = "Bearer " + key;

		String file = mvc.perform(post("/api/v1/records/files").param("planNumber", "32.40").param("reference", "32.40/" + marker)
				.param("title", "Hundesteuer " + marker).param("department", "steuern").header("Authorization", bearer))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.department").value("steuern")).andReturn().getResponse()
			.getContentAsString().replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");
		mvc.perform(post("/api/v1/records/files").param("planNumber", "32.40").param("reference", "32.40/" + marker)
				.param("title", "nochmal").param("department", "steuern").header("Authorization", bearer)).andExpect(status().isConflict());
		mvc.perform(post("/api/v1/records/files").param("planNumber", "32.40").param("reference", "32.40/X" + marker)
				.param("title", "fremd").param("department", "ordnung").header("Authorization", bearer)).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/records/files").param("planNumber", "99.1.7").param("reference", "X" + marker)
				.param("title", "x").param("department", "steuern").header("Authorization", bearer)).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/records/files/" + file).header("Authorization", bearer)).andExpect(status().isOk())
			.andExpect(jsonPath("$.reference").value("32.40/" + marker));
		String caseId = mvc.perform(post("/api/v1/records/files/" + file + "/cases").param("reference", marker + "-1")
				.param("title", "Veranlagung").header("Authorization", bearer)).andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString().replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");
		for (int i = 2; i <= 3; i++) {
			mvc.perform(post("/api/v1/records/files/" + file + "/cases").param("reference", marker + "-" + i).param("title", "Fall " + i)
				.header("Authorization", bearer)).andExpect(status().isCreated());
		}
		mvc.perform(get("/api/v1/records/files/" + file + "/cases").param("size", "2").header("Authorization", bearer))
			.andExpect(status().isOk()).andExpect(jsonPath("$.items.length()").value(2)).andExpect(jsonPath("$.hasNext").value(true))
			.andExpect(jsonPath("$.items[0].reference").value(marker + "-3"));
		mvc.perform(get("/api/v1/records/files/" + file + "/cases").param("size", "2").param("page", "1").header("Authorization", bearer))
			.andExpect(jsonPath("$.items.length()").value(1)).andExpect(jsonPath("$.hasNext").value(false));
		mvc.perform(get("/api/v1/records/cases").param("department", "steuern").param("status", "OPEN").header("Authorization", bearer))
			.andExpect(status().isOk()).andExpect(jsonPath("$.items[0].department").value("steuern"));
		mvc.perform(get("/api/v1/records/cases").param("status", "offen").header("Authorization", bearer)).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/records/cases/" + caseId).header("Authorization", bearer)).andExpect(status().isOk())
			.andExpect(jsonPath("$.reference").value(marker + "-1"));
		String document = mvc.perform(multipart("/api/v1/records/cases/" + caseId + "/documents")
				.file(new MockMultipartFile("file", "notiz.txt", "text/plain", ("Notiz " + marker).getBytes())).header("Authorization", bearer))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()
			.replaceAll(".*\"document\":\"([0-9a-f-]{36})\".*", "$1");
		mvc.perform(get("/api/v1/records/documents/" + document).header("Authorization", bearer)).andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("notiz.txt")).andExpect(jsonPath("$.versions[0].version").value(1));

		var other = httpBasic(accounts.clerk("Fremd", "ordnung"), TestAccounts.PASSWORD);
		mvc.perform(get("/api/v1/records/documents/" + document).with(other)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/records/cases/" + caseId).with(other)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/records/cases").param("department", "steuern").with(other))
			.andExpect(jsonPath("$.items.length()").value(0));

		mvc.perform(get("/api/v1/records/files").header("Authorization", "Bearer ort_ausgedacht"))
			.andExpect(status().isUnauthorized()).andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.containsString("invalid_token")));
		UUID tokenId = TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select id from account.api_token where name = ?")
			.param("Fachverfahren " + marker).query(UUID.class).single());
		mvc.perform(post("/admin/api-schluessel/" + tokenId + "/widerrufen").session(admin).with(csrf())).andExpect(status().is3xxRedirection());
		mvc.perform(get("/api/v1/records/files/" + file).header("Authorization", bearer)).andExpect(status().isUnauthorized());
	}

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;
}
