// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import de.openrathaus.TestAccounts;
import de.openrathaus.TestEvents;
import de.openrathaus.paymentsim.PaymentSimulator;
import de.openrathaus.procedure.ApplicationSubmitted;
import de.openrathaus.tenancy.TenantContext;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What the payment tests share: a citizen's draft of the replacement dog token (a LOW procedure whose
 * fee is paid before submission), the browser's steps done with MockMvc on the real server's port, so
 * that the adapters reach the simulator and the simulator reaches us over real HTTP.
 */
abstract class PaymentFlows {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestEvents events;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PaymentSimulator simulator;

	@LocalServerPort
	int port;

	MockHttpSession citizen;

	String citizenEmail;

	@BeforeEach
	void signIn() throws Exception {
		citizenEmail = accounts.citizen("Erika");
		citizen = TestAccounts.signIn(mvc, citizenEmail);
	}

	@AfterEach
	void providerBackUp() {
		simulator.outage(false);
	}

	/** The request as the browser sends it to this server: host localhost on the server's real port. */
	RequestPostProcessor browser() {
		return request -> {
			request.setServerPort(port);
			request.addHeader("Host", "localhost:" + port);
			return request;
		};
	}

	/** A complete draft for two replacement tokens without social pass: 10,00 €. */
	String completeDraft() throws Exception {
		MvcResult started = mvc.perform(post("/portal/antraege").param("leistung", "hundemarke-ersatz").session(citizen).with(csrf())
				.with(browser())).andExpect(status().is3xxRedirection()).andReturn();
		String id = started.getResponse().getRedirectedUrl().split("/")[3];
		mvc.perform(post("/portal/antraege/" + id + "/schritt/marke").param("hund.name", "Bello").param("hund.chipnummer", "276098765432101")
				.param("marke.grund", "verloren").param("marke.anzahl", "2").param("aktion", "weiter").session(citizen).with(csrf())
				.with(browser())).andExpect(status().is3xxRedirection());
		mvc.perform(post("/portal/antraege/" + id + "/schritt/ermaessigung").param("ermaessigung.sozialpass", "false")
				.param("aktion", "weiter").session(citizen).with(csrf()).with(browser()))
			.andExpect(status().is3xxRedirection());
		return id;
	}

	/** Presses "submit and pay"; answers where the browser is sent. */
	String submit(String id) throws Exception {
		return mvc.perform(post("/portal/antraege/" + id + "/absenden").session(citizen).with(csrf()).with(browser()))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
	}

	/** The payer chooses on the simulator's page; answers where the simulator sends the browser back. */
	String payAtSimulator(String page, String outcome) throws Exception {
		String path = page.replaceFirst("^https?://[^/]+", "");
		assertThat(path).startsWith("/paymentsim/zahlen/");
		mvc.perform(get(path).with(browser())).andExpect(status().isOk());
		return mvc.perform(post(path).param("ergebnis", outcome).with(csrf()).with(browser()))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
	}

	/** The browser comes back from the provider to our return address. */
	String comeBack(String returnUrl) throws Exception {
		return mvc.perform(get(returnUrl.replaceFirst("^https?://[^/]+", "")).session(citizen).with(browser()))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
	}

	String applicationStatus(String id) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select status from procedure.application where id = ?")
			.param(UUID.fromString(id)).query(String.class).single());
	}

	List<String> paymentStatuses(String id) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql(
				"select status from payment.payment where subject = ? order by created_at")
			.param("application:" + id).query(String.class).list());
	}

	List<String> history(String id) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql(
				"select e.kind || coalesce(':' || e.to_status, '') from payment.payment_event e join payment.payment p on p.id = e.payment_id "
						+ "where p.subject = ? order by e.id")
			.param("application:" + id).query(String.class).list());
	}

	long submissionsOf(String id) {
		return events.of(ApplicationSubmitted.class).stream().filter(e -> e.application().toString().equals(id)).count();
	}

	long settlementsOf(String id) {
		return events.of(PaymentSettled.class).stream().filter(e -> e.subject().equals("application:" + id)).count();
	}
}
