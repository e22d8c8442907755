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
	void aCitizenChoosesAChannelForOneOfTheirApplicationsOnly() throws Exception {
		String email = accounts.citizen("Antrag");
		de.openrathaus.account.AccountId citizen = new de.openrathaus.account.AccountId(accounts.idOf(email));
		de.openrathaus.account.AccountId stranger = new de.openrathaus.account.AccountId(accounts.idOf(accounts.citizen("Fremd")));
		java.util.UUID own = java.util.UUID.randomUUID();
		java.util.UUID foreign = java.util.UUID.randomUUID();
		de.openrathaus.tenancy.TenantContext.runAs(accounts.tenant(), () -> {
			offered.intake(own, "HUND-2026-" + own.toString().substring(0, 6), citizen, de.openrathaus.correspondence.delivery.ChannelKind.PORTAL);
			offered.intake(foreign, "HUND-2026-" + foreign.toString().substring(0, 6), stranger,
					de.openrathaus.correspondence.delivery.ChannelKind.PORTAL);
		});
		MockHttpSession session = TestAccounts.signIn(mvc, email);
		mvc.perform(get("/portal/konto/zustellung").session(session)).andExpect(content().string(containsString(own.toString().substring(0, 6))))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(foreign.toString().substring(0, 6)))));

		mvc.perform(post("/portal/konto/zustellung/antrag").param("antrag", foreign.toString()).param("kanal", "LETTER").session(session).with(csrf()))
			.andExpect(content().string(containsString("id=\"fehler\"")));
		mvc.perform(post("/portal/konto/zustellung/antrag").param("antrag", own.toString()).param("kanal", "LETTER").session(session).with(csrf()))
			.andExpect(redirectedUrl("/portal/konto/zustellung"));

		// the letter is wanted for this application; without a postal address it gives way to the mailbox
		de.openrathaus.correspondence.delivery.ChannelPreferences.Choice choice = de.openrathaus.tenancy.TenantContext.callAs(accounts.tenant(),
				() -> offered.forAnswer(citizen, own));
		org.assertj.core.api.Assertions.assertThat(choice.wanted()).isEqualTo(de.openrathaus.correspondence.delivery.ChannelKind.LETTER);
		org.assertj.core.api.Assertions.assertThat(choice.used()).isEqualTo(de.openrathaus.correspondence.delivery.ChannelKind.PORTAL);
		org.assertj.core.api.Assertions.assertThat(de.openrathaus.tenancy.TenantContext.callAs(accounts.tenant(),
				() -> offered.forAnswer(stranger, foreign).wanted())).as("the stranger's application keeps its channel")
			.isEqualTo(de.openrathaus.correspondence.delivery.ChannelKind.PORTAL);
	}

	@Test
	void theChoiceNeedsASignedInCitizenAndAToken() throws Exception {
		mvc.perform(get("/portal/konto/zustellung")).andExpect(status().is3xxRedirection());
		MockHttpSession citizen = TestAccounts.signIn(mvc, accounts.citizen("Token"));
		mvc.perform(post("/portal/konto/zustellung").param("kanal", "PORTAL").session(citizen)).andExpect(status().isForbidden());
	}
}
