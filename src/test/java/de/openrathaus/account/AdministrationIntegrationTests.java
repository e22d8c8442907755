// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.openrathaus.TestAccounts;
import de.openrathaus.tenancy.TenantContext;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Administrators manage departments, staff and roles; nobody else can, and the last administrator stays. */
@SpringBootTest
@AutoConfigureMockMvc
class AdministrationIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	MockHttpSession admin() throws Exception {
		return TestAccounts.signIn(mvc, "verwaltung@musterstadt.example", "Demo-Passwort-2026");
	}

	@Test
	void anAdministratorCreatesADepartmentAndAClerkWhoThenSeesTheWorklist() throws Exception {
		MockHttpSession admin = admin();
		mvc.perform(get("/admin").session(admin)).andExpect(status().isOk()).andExpect(content().string(containsString("Tom Steuer")));
		mvc.perform(post("/admin/fachbereiche").param("code", "standesamt").param("name", "Standesamt").session(admin).with(csrf()))
			.andExpect(flash().attribute("notice", "admin.department.saved"));
		String email = "neue.kraft@musterstadt.example";
		mvc.perform(post("/admin/mitarbeitende").param("name", "Neue Kraft").param("email", email)
				.param("password", "Start-Passwort-2026").session(admin).with(csrf()))
			.andExpect(flash().attribute("notice", "admin.staff.created"));
		String id = TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select id::text from account.account where email = ?")
			.param(email).query(String.class).single());
		mvc.perform(post("/admin/mitarbeitende/" + id + "/rollen").param("department", "standesamt").param("role", "CLERK")
				.param("change", "erteilen").session(admin).with(csrf()))
			.andExpect(flash().attribute("notice", "admin.role.granted"));
		MockHttpSession clerk = TestAccounts.signIn(mvc, email, "Start-Passwort-2026");
		mvc.perform(get("/backoffice").session(clerk)).andExpect(status().isOk())
			.andExpect(content().string(containsString("Arbeitsliste")));
	}

	@Test
	void citizensAndClerksCannotAdminister() throws Exception {
		MockHttpSession citizen = TestAccounts.signIn(mvc, accounts.citizen("Bürger"));
		MockHttpSession clerk = TestAccounts.signIn(mvc, accounts.clerk("Sachbearbeiter", "steuern"));
		for (MockHttpSession session : new MockHttpSession[] {citizen, clerk}) {
			mvc.perform(get("/admin").session(session)).andExpect(status().isForbidden());
			mvc.perform(post("/admin/fachbereiche").param("code", "gekapert").param("name", "Gekapert").session(session).with(csrf()))
				.andExpect(status().isForbidden());
		}
		assertThat(TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select count(*) from account.department where code = 'gekapert'")
			.query(Integer.class).single())).isZero();
	}

	@Test
	void theLastAdministratorAndOnesOwnAdminRoleCannotBeRemoved() throws Exception {
		MockHttpSession admin = admin();
		String id = TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select id::text from account.account where email = ?")
			.param("verwaltung@musterstadt.example").query(String.class).single());
		mvc.perform(post("/admin/mitarbeitende/" + id + "/rollen").param("department", "organisation").param("role", "ADMIN")
				.param("change", "entziehen").session(admin).with(csrf()))
			.andExpect(flash().attribute("refused", "admin.role.self"));
		assertThat(TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select count(*) from account.staff_role where role = 'ADMIN'")
			.query(Integer.class).single())).isPositive();
	}

	@Test
	void badInputIsExplained() throws Exception {
		MockHttpSession admin = admin();
		mvc.perform(post("/admin/fachbereiche").param("code", "Böse Zeichen!").param("name", "x").session(admin).with(csrf()))
			.andExpect(flash().attribute("refused", "admin.department.code"));
		mvc.perform(post("/admin/mitarbeitende").param("name", "Kurz").param("email", "kurz@musterstadt.example")
				.param("password", "kurz").session(admin).with(csrf()))
			.andExpect(flash().attribute("refused", "register.password.tooShort"));
	}
}
