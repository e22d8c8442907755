// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.stream.Stream;

import de.openrathaus.TestAccounts;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** A NUL character (U+0000) in any text input of the search and the APIs is never a server error. */
@SpringBootTest
@AutoConfigureMockMvc
class NulCharacterIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	static Stream<Arguments> searchParameters() {
		return Stream.of("q", "aktenplan", "von", "bis", "stand", "seite").map(Arguments::of);
	}

	@ParameterizedTest
	@MethodSource("searchParameters")
	void theSearchPageDropsNul(String parameter) throws Exception {
		var clerk = TestAccounts.signIn(mvc, accounts.clerk("Nula", "steuern"));
		var request = get("/backoffice/akten/suche").param("q", "Hund").param(parameter, "Hu\u0000nd").session(clerk);
		assertThat(mvc.perform(request).andReturn().getResponse().getStatus()).isEqualTo(200);
	}

	static Stream<Arguments> apiInputs() {
		return Stream.of(
				Arguments.of("GET", "/api/v1/records/files", "planNumber"),
				Arguments.of("GET", "/api/v1/records/cases", "status"),
				Arguments.of("GET", "/api/v1/records/cases", "department"),
				Arguments.of("GET", "/api/v1/records/files", "page"),
				Arguments.of("POST", "/api/v1/records/files", "planNumber"),
				Arguments.of("POST", "/api/v1/records/files", "reference"),
				Arguments.of("POST", "/api/v1/records/files", "title"),
				Arguments.of("POST", "/api/v1/records/files", "department"),
				Arguments.of("GET", "/api/v1/catalogue/processes", "department"),
				Arguments.of("GET", "/api/v1/catalogue/processes", "status"),
				Arguments.of("GET", "/api/v1/catalogue/ranking", "weights"));
	}

	@ParameterizedTest
	@MethodSource("apiInputs")
	void theApisRefuseNulWithABadRequest(String method, String path, String parameter) throws Exception {
		String clerk = accounts.clerk("Nulf", "steuern");
		var request = ("GET".equals(method) ? get(path) : post(path)).param("planNumber", "32.40").param("reference", "32.40/NUL")
			.param("title", "Nul").param("department", "steuern").param(parameter, "32\u0000.40").with(httpBasic(clerk, TestAccounts.PASSWORD));
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentAsString()).contains(parameter).contains("U+0000");
	}

	/** Neither a path segment nor a user name reaches the database with U+0000 (no JSON bodies or headers are read as text). */
	@org.junit.jupiter.api.Test
	void nulInAPathOrAUserNameIsNoServerError() throws Exception {
		String clerk = accounts.clerk("Nulp", "steuern");
		var path = mvc.perform(get(java.net.URI.create("/api/v1/catalogue/processes/hund%00anmelden")).with(httpBasic(clerk, TestAccounts.PASSWORD)))
			.andReturn().getResponse();
		assertThat(path.getStatus()).isBetween(400, 404);
		var user = mvc.perform(get("/api/v1/records/files").with(httpBasic(clerk + "\u0000", TestAccounts.PASSWORD))).andReturn().getResponse();
		assertThat(user.getStatus()).isEqualTo(401);
		var form = mvc.perform(post("/anmelden").param("email", clerk + "\u0000").param("password", TestAccounts.PASSWORD)
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andReturn().getResponse();
		assertThat(form.getStatus()).isLessThan(500);
	}
}
