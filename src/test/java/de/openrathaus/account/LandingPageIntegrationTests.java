// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Staff land on their own work after sign-in, and the navigation leads there again. */
@SpringBootTest
@AutoConfigureMockMvc
class LandingPageIntegrationTests {

	@Autowired
	MockMvc mvc;

	private MvcResult signIn(String email) throws Exception {
		return mvc.perform(post("/anmelden").param("email", email).param("password", "Demo-Passwort-2026").with(csrf())).andReturn();
	}

	private String landing(String email, String expected) throws Exception {
		MvcResult result = signIn(email);
		assertThat(result.getResponse().getRedirectedUrl()).as(email).isEqualTo(expected);
		MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
		return mvc.perform(get(expected).session(session)).andReturn().getResponse().getContentAsString();
	}

	@Test
	void theRecordsManagerLandsOnTheDisposalListAndFindsItInTheNavigation() throws Exception {
		String page = landing("registratur@musterstadt.example", "/backoffice/aussonderung");
		assertThat(page).contains("<a href=\"/backoffice/aussonderung\">Aussonderung</a>").doesNotContain(">Arbeitsliste</a>");
	}

	@Test
	void theBoardLandsOnThePrioritisation() throws Exception {
		String page = landing("vorstand@musterstadt.example", "/backoffice/priorisierung");
		assertThat(page).contains("<a href=\"/backoffice/priorisierung\">Priorisierung</a>");
	}

	@Test
	void theOrganisationDepartmentLandsOnTheCatalogueAndAClerkOnTheWorklist() throws Exception {
		landing("organisation@musterstadt.example", "/backoffice/katalog");
		String page = landing("steuern@musterstadt.example", "/backoffice");
		assertThat(page).contains(">Arbeitsliste</a>");
	}
}
