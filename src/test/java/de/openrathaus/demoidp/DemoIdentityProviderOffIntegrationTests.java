// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.demoidp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Without demo mode there is no identity provider: none of its parts is a bean (only the declaration
 * that its paths need no sign-in), and every one of its paths answers 404, signed request or not.
 */
@SpringBootTest(properties = "openrathaus.demo.enabled=false")
@AutoConfigureMockMvc
class DemoIdentityProviderOffIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Test
	void withoutDemoModeNothingOfTheIdentityProviderExistsAndItsPathsAnswer404() throws Exception {
		List<String> beans = Arrays.stream(context.getBeanDefinitionNames())
			.filter(name -> {
				Class<?> type = context.getType(name);
				return type != null && type.getName().startsWith("de.openrathaus.demoidp");
			})
			.toList();
		assertThat(beans).as("beans of the demo identity provider").containsExactly("demoIdpWebSecurity");
		assertThat(context.containsBean("demoIdpWebAccess")).isTrue();

		try (TestServiceProvider sp = new TestServiceProvider()) {
			String query = TestServiceProvider.redirectQuery(sp.authnRequestXml(TestServiceProvider.Request.to("http://localhost/demo-idp/bundid/sso",
					java.time.Instant.now())), null, sp.signing.getPrivate());
			for (String provider : List.of("bundid", "unternehmenskonto")) {
				assertThat(status(get("/demo-idp/" + provider + "/metadata"))).isEqualTo(404);
				assertThat(status(get("/demo-idp/" + provider + "/sso?" + query))).isEqualTo(404);
				assertThat(status(post("/demo-idp/" + provider + "/sso").param("anfrage", query).param("person", "erika").with(csrf()))).isEqualTo(404);
				assertThat(status(get("/demo-idp/" + provider + "/slo?" + query))).isEqualTo(404);
			}
			assertThat(status(get("/demo-idp/weiter.js"))).isEqualTo(404);
		}
	}

	private int status(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse().getStatus();
	}
}
