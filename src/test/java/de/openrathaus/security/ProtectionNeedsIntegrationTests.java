// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import de.openrathaus.TestAccounts;
import de.openrathaus.tenancy.TenantContext;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * The information security officer assesses a catalogue process (BSI 200-2), records the systems it runs
 * on, and sees each system inherit the highest need along the dependencies, named with its source; a
 * cycle or a missing reason is refused and changes nothing. The ISMS register takes Kompendium modules
 * with their status and due dates.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ProtectionNeedsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void processesPassTheirNeedsToTheSystemsTheyRunOn() throws Exception {
		MockHttpSession officer = TestAccounts.signIn(mvc, accounts.staff("Isolde", "organisation", "SECURITY_OFFICER"));
		MockHttpSession clerk = TestAccounts.signIn(mvc, accounts.clerk("Theobald", "steuern"));
		mvc.perform(get("/sicherheit/schutzbedarf").session(clerk)).andExpect(status().isForbidden());
		mvc.perform(post("/sicherheit/isms").param("baustein", "CON.2").session(clerk).with(csrf())).andExpect(status().isForbidden());

		String key = TenantContext.callAs(accounts.tenant(),
				() -> jdbc.sql("select process_key from catalogue.process order by process_key limit 1").query(String.class).single());
		assertThat(page(get("/sicherheit/schutzbedarf").session(officer))).contains(key).contains("nicht bewertet");

		String application = "Fachverfahren " + UUID.randomUUID().toString().substring(0, 6);
		String server = "Server " + UUID.randomUUID().toString().substring(0, 6);
		mvc.perform(post("/sicherheit/schutzbedarf/systeme").param("name", server).param("art", "IT_SYSTEM").session(officer).with(csrf()))
			.andExpect(status().is3xxRedirection());
		UUID serverId = systemId(server);
		mvc.perform(post("/sicherheit/schutzbedarf/systeme").param("name", application).param("art", "APPLICATION")
			.param("abhaengig", serverId.toString()).session(officer).with(csrf())).andExpect(status().is3xxRedirection());
		UUID applicationId = systemId(application);
		// the same name twice, or the server running on the application that runs on it, is refused
		assertThat(page(post("/sicherheit/schutzbedarf/systeme").param("name", server.toUpperCase()).param("art", "IT_SYSTEM").session(officer)
			.with(csrf()))).contains("gibt es schon");
		assertThat(page(post("/sicherheit/schutzbedarf/systeme/" + serverId).param("name", server).param("art", "IT_SYSTEM")
			.param("abhaengig", applicationId.toString()).session(officer).with(csrf()))).contains("einen Kreis bilden");
		assertThat(count("select count(*) from security.system_dependency where system_id = ?", serverId)).isZero();

		// an assessment without reason changes nothing
		assertThat(page(post("/sicherheit/schutzbedarf/prozesse/" + key).param("vertraulichkeit", "HIGH").param("integritaet", "NORMAL")
			.param("verfuegbarkeit", "NORMAL").param("systeme", applicationId.toString()).session(officer).with(csrf())))
			.contains("Bitte begründen Sie");
		assertThat(count("select count(*) from security.process_need where process_key = ?", key)).isZero();

		mvc.perform(post("/sicherheit/schutzbedarf/prozesse/" + key).param("vertraulichkeit", "HIGH").param("integritaet", "NORMAL")
			.param("verfuegbarkeit", "VERY_HIGH").param("begruendung", "Steuergeheimnis (§ 30 AO); Fristen der Veranlagung.")
			.param("systeme", applicationId.toString()).session(officer).with(csrf())).andExpect(status().is3xxRedirection());
		String overview = page(get("/sicherheit/schutzbedarf").session(officer));
		String serverRow = overview.substring(overview.indexOf(">" + server + "</a>"));
		serverRow = serverRow.substring(0, serverRow.indexOf("</tr>"));
		assertThat(serverRow).contains("hoch").contains("sehr hoch").contains("geerbt von " + application);
		String applicationRow = overview.substring(overview.indexOf(">" + application + "</a>"));
		assertThat(applicationRow.substring(0, applicationRow.indexOf("</tr>"))).contains("geerbt von " + key);
	}

	@Test
	void theIsmsRegisterKeepsTheModulesAppliedWithTheirStatus() throws Exception {
		MockHttpSession officer = TestAccounts.signIn(mvc, accounts.staff("Irmgard", "organisation", "SECURITY_OFFICER"));
		mvc.perform(post("/sicherheit/isms").param("baustein", "ops.1.1.4").session(officer).with(csrf())).andExpect(status().is3xxRedirection());
		String register = page(get("/sicherheit/isms").session(officer));
		assertThat(register).contains("OPS.1.1.4 Schutz vor Schadprogrammen").contains("ganze Organisation");

		mvc.perform(post("/sicherheit/isms").param("baustein", "OPS.1.1.4").session(officer).with(csrf()));
		assertThat(page(get("/sicherheit/isms").session(officer))).contains("schon aufgenommen");
		mvc.perform(post("/sicherheit/isms").param("baustein", "XYZ.9").session(officer).with(csrf()));
		assertThat(page(get("/sicherheit/isms").session(officer))).contains("einen Titel an");
		mvc.perform(post("/sicherheit/isms").param("baustein", "<script>").session(officer).with(csrf()));
		assertThat(page(get("/sicherheit/isms").session(officer))).contains("das Kürzel eines Bausteins");

		UUID module = TenantContext.callAs(accounts.tenant(),
				() -> jdbc.sql("select id from security.isms_module where code = 'OPS.1.1.4' and system_id is null").query(UUID.class).single());
		mvc.perform(post("/sicherheit/isms/" + module).param("stand", "PARTIAL").param("verantwortlich", "IT-Betrieb")
			.param("frist", "2020-01-31").param("vermerk", "ClamAV prüft Uploads; Signaturen täglich.").session(officer).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(page(get("/sicherheit/isms").session(officer))).contains("teilweise umgesetzt").contains("IT-Betrieb").contains("Frist überschritten");
		mvc.perform(post("/sicherheit/isms/" + module).param("stand", "PARTIAL").param("frist", "morgen").session(officer).with(csrf()));
		assertThat(page(get("/sicherheit/isms").session(officer))).contains("Frist als Datum");
		assertThat(count("select count(*) from security.isms_module where id = ? and due_on = date '2020-01-31'", module)).isOne();
	}

	private String page(RequestBuilder request) throws Exception {
		var result = mvc.perform(request).andReturn();
		String redirect = result.getResponse().getRedirectedUrl();
		if (redirect != null) {
			throw new AssertionError("redirected to " + redirect);
		}
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	private UUID systemId(String name) {
		return TenantContext.callAs(accounts.tenant(),
				() -> jdbc.sql("select id from security.it_system where name = ?").param(name).query(UUID.class).single());
	}

	private long count(String sql, Object parameter) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql(sql).param(parameter).query(Long.class).single());
	}
}
