// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An identity provider whose metadata cannot be had and one that is not configured: the sign-in links
 * explain that the sign-in is not available, and nothing breaks.
 */
@SpringBootTest(properties = {
		"openrathaus.identity.tenants.musterstadt.identity-providers.bundid.metadata-url=http://127.0.0.1:9/nothing-listens-here",
		"openrathaus.identity.tenants.musterstadt.identity-providers.unternehmenskonto.metadata-url=",
		"openrathaus.identity.connect-timeout=1s", "openrathaus.identity.read-timeout=2s" })
@AutoConfigureMockMvc
class SignInNotAvailableIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void unreachableOrUnconfiguredProvidersGetAClearPage() throws Exception {
		for (String path : new String[] { "/anmelden/bundid?niveau=HIGH", "/anmelden/unternehmenskonto" }) {
			MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
			assertThat(response.getStatus()).as(path).isEqualTo(503);
			assertThat(response.getContentAsString()).as(path).contains("derzeit nicht eingerichtet oder vorübergehend nicht erreichbar")
				.contains(">not-configured<");
		}
		assertThat(mvc.perform(get("/saml/metadata")).andReturn().getResponse().getStatus()).as("our metadata still answers").isEqualTo(200);
	}
}
