// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.internal;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.openrathaus.TestAccounts;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The citizen's choice of channel: only their own, only among those offered, with a clear word when refused. */
@SpringBootTest
@AutoConfigureMockMvc
class ChannelPreferenceIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	de.openrathaus.correspondence.delivery.ChannelPreferences offered;

	@Test
	void aCitizenChoosesAChannelOfferedAndAnUnknownOneIsRefusedWithAMessage() throws Exception {
		MockHttpSession citizen = TestAccounts.signIn(mvc, accounts.citizen("Kanal"));

		mvc.perform(get("/portal/konto/zustellung").session(citizen)).andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"PORTAL\" aria-describedby=\"kanal-PORTAL-hinweis\" checked")));

		mvc.perform(post("/portal/konto/zustellung").param("kanal", "BRIEFTAUBE").session(citizen).with(csrf()))
			.andExpect(status().isOk()).andExpect(content().string(containsString("id=\"fehler\"")));
		mvc.perform(get("/portal/konto/zustellung").session(citizen))
			.andExpect(content().string(containsString("value=\"PORTAL\" aria-describedby=\"kanal-PORTAL-hinweis\" checked")));

		mvc.perform(post("/portal/konto/zustellung").param("kanal", "PORTAL").session(citizen).with(csrf()))
			.andExpect(redirectedUrl("/portal/konto/zustellung"));
		// a channel this installation does not run cannot be chosen, whatever the form sends
		for (String channel : new String[] {"EMAIL", "DE_MAIL", "BUNDID", "LETTER"}) {
			if (!offered.offered(de.openrathaus.correspondence.delivery.ChannelKind.valueOf(channel))) {
				mvc.perform(post("/portal/konto/zustellung").param("kanal", channel).session(citizen).with(csrf()))
					.andExpect(content().string(containsString("id=\"fehler\"")));
			}
		}
	}

	@Test
	void theChoiceNeedsASignedInCitizenAndAToken() throws Exception {
		mvc.perform(get("/portal/konto/zustellung")).andExpect(status().is3xxRedirection());
		MockHttpSession citizen = TestAccounts.signIn(mvc, accounts.citizen("Token"));
		mvc.perform(post("/portal/konto/zustellung").param("kanal", "PORTAL").session(citizen)).andExpect(status().isForbidden());
	}
}
