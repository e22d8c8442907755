// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.operations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Every request parameter reaches the modules in NFC and without U+0000, cleaned in one place. */
class ParameterCleaningFilterTests {

	private static final String DECOMPOSED = "Mu\u0308ller";
	private static final String COMPOSED = "M\u00fcller";

	private static HttpServletRequest passedOn(MockHttpServletRequest request) throws Exception {
		MockFilterChain chain = new MockFilterChain();
		new ParameterCleaningFilter().doFilter(request, new MockHttpServletResponse(), chain);
		return (HttpServletRequest) chain.getRequest();
	}

	@Test
	void aNameTypedWithCombiningMarksArrivesPrecomposed() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/backoffice/akten");
		request.addParameter("titel", DECOMPOSED);
		request.addParameter("Jose\u0301", "a", "Jose\u0301");
		HttpServletRequest cleaned = passedOn(request);
		assertThat(cleaned.getParameter("titel")).isEqualTo(COMPOSED);
		assertThat(cleaned.getParameterMap().get("titel")).containsExactly(COMPOSED);
		assertThat(cleaned.getParameterValues("Jos\u00e9")).containsExactly("a", "Jos\u00e9");
	}

	@Test
	void nulIsDroppedFromFormsAndTheTextIsInNfcToo() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/backoffice/akten/suche");
		request.addParameter("q", "Mu\u0000\u0308ller");
		assertThat(passedOn(request).getParameter("q")).isEqualTo(COMPOSED);
	}

	@Test
	void cleanParametersPassUnwrapped() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/backoffice/akten/suche");
		request.addParameter("q", COMPOSED);
		assertThat(passedOn(request)).isSameAs(request);
	}

	@Test
	void anApiRefusesNul() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/records/files");
		request.addParameter("planNumber", "1\u00002");
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		new ParameterCleaningFilter().doFilter(request, response, chain);
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(chain.getRequest()).isNull();
	}
}
