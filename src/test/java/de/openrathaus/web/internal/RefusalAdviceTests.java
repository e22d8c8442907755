// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.HandlerMapping;

/** The page a refused request goes back to: the handler's own path variables, never a way out of the path. */
class RefusalAdviceTests {

	@Test
	void fillsInThePathVariablesAndTheFragment() {
		MockHttpServletRequest request = withVariables(Map.of("id", "7f0c2a4e-0000-4000-8000-000000000001"));
		assertThat(RefusalAdvice.target("/backoffice/faelle/{id}", request)).isEqualTo("/backoffice/faelle/7f0c2a4e-0000-4000-8000-000000000001");
		assertThat(RefusalAdvice.target("/backoffice/aktenplan#e-{id}", request))
			.isEqualTo("/backoffice/aktenplan#e-7f0c2a4e-0000-4000-8000-000000000001");
	}

	@Test
	void aVariableCannotLeaveItsPathSegment() {
		MockHttpServletRequest request = withVariables(Map.of("id", "../../admin?x=1"));
		String target = RefusalAdvice.target("/backoffice/faelle/{id}", request);
		assertThat(target).startsWith("/backoffice/faelle/").doesNotContain("/../").doesNotContain("?");
		assertThat(target).isEqualTo("/backoffice/faelle/..%2F..%2Fadmin%3Fx%3D1");
	}

	private static MockHttpServletRequest withVariables(Map<String, String> variables) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, variables);
		return request;
	}
}
