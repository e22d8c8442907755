// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.Set;

import de.openrathaus.TestAccounts;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.dataformat.yaml.YAMLMapper;

/** The catalogue's read API: documented, authenticated, and answering with what its description promises. */
@SpringBootTest
@AutoConfigureMockMvc
class CatalogueApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Test
	@SuppressWarnings("unchecked")
	void everyDocumentedFieldOfAProcessIsThereAndNothingElse() throws Exception {
		String body = mvc.perform(get("/api/v1/catalogue/openapi.yaml")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		Map<String, Object> spec = YAMLMapper.builder().build().readValue(body, Map.class);
		Map<String, Object> paths = (Map<String, Object>) spec.get("paths");
		assertThat(paths).containsOnlyKeys("/processes", "/processes/{key}", "/ranking", "/plan");
		Map<String, Object> process = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) spec.get("components"))
			.get("schemas")).get("Process");
		Set<String> documented = ((Map<String, Object>) process.get("properties")).keySet();

		String json = mvc.perform(get("/api/v1/catalogue/processes/STE-001").with(httpBasic("steuern@musterstadt.example", "Demo-Passwort-2026")))
			.andExpect(status().isOk()).andExpect(jsonPath("$.name").value("Hund anmelden"))
			.andExpect(jsonPath("$.procedureTypeKey").value("hund-anmelden"))
			.andExpect(header().doesNotExist("Set-Cookie"))
			.andReturn().getResponse().getContentAsString();
		Map<String, Object> answer = tools.jackson.databind.json.JsonMapper.builder().build().readValue(json, Map.class);
		assertThat(answer.keySet()).isEqualTo(documented);
	}

	@Test
	void pagingRankingAndPlan() throws Exception {
		var staff = httpBasic("steuern@musterstadt.example", "Demo-Passwort-2026");
		mvc.perform(get("/api/v1/catalogue/processes").param("department", "buergerbuero").param("size", "2").with(staff))
			.andExpect(status().isOk()).andExpect(jsonPath("$.items.length()").value(2)).andExpect(jsonPath("$.size").value(2));
		mvc.perform(get("/api/v1/catalogue/processes").param("size", "0").with(staff)).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/catalogue/ranking").param("limit", "3").with(staff))
			.andExpect(status().isOk()).andExpect(jsonPath("$.items.length()").value(3))
			.andExpect(jsonPath("$.items[0].rank").value(1)).andExpect(jsonPath("$.items[0].terms.length()").value(8));
		mvc.perform(get("/api/v1/catalogue/ranking").param("weights", "999").with(staff)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/catalogue/plan").with(staff)).andExpect(status().isOk());
	}

	@Test
	void withoutAStaffAccountThereIsNothingToRead() throws Exception {
		mvc.perform(get("/api/v1/catalogue/processes")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/catalogue/processes").with(httpBasic("steuern@musterstadt.example", "falsch"))).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/catalogue/processes").with(httpBasic(accounts.citizen("Api"), TestAccounts.PASSWORD)))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/catalogue/processes").with(httpBasic("steuern@musterstadt.example", "Demo-Passwort-2026")))
			.andExpect(status().isMethodNotAllowed());
	}
}
