// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.openrathaus.account.FederatedSignIn;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;

/** Without account's federated sign-in in the application, a response is refused as "not available", never half-used. */
class AssertionConsumerWithoutAccountTests {

	@Test
	void noFederatedSignInMeansNotAvailable() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		SamlEndpointsController controller = new SamlEndpointsController(null,
				new StaticListableBeanFactory().getBeanProvider(FederatedSignIn.class), new RefusalPages(meters));
		MockHttpServletResponse response = new MockHttpServletResponse();
		ModelAndView page = controller.assertionConsumerService("PHg+PC94Pg==", new MockHttpServletRequest(), response);
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(page.getViewName()).isEqualTo("identity/refused");
		assertThat(page.getModel()).containsEntry("reason", "not-configured");
		assertThat(meters.counter("openrathaus.identity.refused", "reason", "not-configured").count()).isEqualTo(1.0);
	}
}
