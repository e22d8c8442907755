// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;

import java.util.concurrent.ThreadLocalRandom;

import de.openrathaus.TestAccounts;
import de.openrathaus.tenancy.TenantContext;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The records manager maintains the file plan; wrong entries are refused and change nothing. */
@SpringBootTest
@AutoConfigureMockMvc
class FilePlanEditingIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	RecordsStore store;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theRecordsManagerAddsAndChangesEntriesAndBadInputChangesNothing() throws Exception {
		MockHttpSession manager = TestAccounts.signIn(mvc, "registratur@musterstadt.example", "Demo-Passwort-2026");
		String number = "33." + ThreadLocalRandom.current().nextInt(100, 1000);
		mvc.perform(get("/backoffice/akten").session(manager)).andExpect(content().string(containsString("/backoffice/aktenplan")));
		mvc.perform(entry(number, "Zweitwohnungsteuer", "10", "DESTROY", "").session(manager))
			.andExpect(flash().attribute("notice", "records.plan.edit.added"));
		int before = count();
		mvc.perform(entry(number, "Nochmal", "10", "DESTROY", "").session(manager))
			.andExpect(flash().attribute("refused", "records.plan.edit.invalid.exists"));
		mvc.perform(entry("77.1", "Ohne Oberbegriff", "", "", "").session(manager))
			.andExpect(flash().attribute("refused", "records.plan.edit.invalid.noParent"));
		mvc.perform(entry("33/1", "Schrägstrich", "", "", "").session(manager))
			.andExpect(flash().attribute("refused", "records.plan.edit.invalid.number"));
		mvc.perform(entry(number + ".1", "Zu lang", "300", "DESTROY", "").session(manager))
			.andExpect(flash().attribute("refused", "records.plan.edit.invalid.retention"));
		mvc.perform(entry(number + ".2", "Ohne Maßnahme", "5", "", "").session(manager))
			.andExpect(flash().attribute("refused", "records.plan.edit.invalid.retentionAndDisposal"));
		mvc.perform(entry(number + ".3", "Hunde doppelt", "5", "DESTROY", "hund-anmelden").session(manager))
			.andExpect(flash().attribute("refused", "records.plan.edit.invalid.procedureTaken"));
		assertThat(count()).isEqualTo(before);

		PlanEntryId id = TenantContext.callAs(accounts.tenant(), () -> store.planEntryId(number).orElseThrow());
		mvc.perform(post("/backoffice/aktenplan/" + id).param("title", "Zweitwohnungsteuer (Satzung 2027)").param("retentionYears", "30")
				.param("disposal", "ARCHIVE").param("procedureTypes", "zweitwohnung-anmelden, zweitwohnung-abmelden").session(manager).with(csrf()))
			.andExpect(flash().attribute("notice", "records.plan.edit.changed"));
		RecordsStore.PlanEntry changed = TenantContext.callAs(accounts.tenant(),
				() -> store.plan().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow());
		assertThat(changed.title()).isEqualTo("Zweitwohnungsteuer (Satzung 2027)");
		assertThat(changed.retentionYears()).isEqualTo(30);
		assertThat(changed.disposal()).isEqualTo(Disposal.ARCHIVE);
		assertThat(changed.procedureTypes()).containsExactly("zweitwohnung-anmelden", "zweitwohnung-abmelden");
		assertThat(changed.parent()).isEqualTo(TenantContext.callAs(accounts.tenant(), () -> store.planEntryId("33").orElseThrow()));
		mvc.perform(post("/backoffice/aktenplan/" + id).param("title", "").param("retentionYears", "30").param("disposal", "ARCHIVE")
				.session(manager).with(csrf()))
			.andExpect(flash().attribute("refused", "records.plan.edit.invalid.title"));
		assertThat(TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select title from records.plan_entry where id = ?").param(id.value())
			.query(String.class).single())).isEqualTo("Zweitwohnungsteuer (Satzung 2027)");
		assertThat(TenantContext.callAs(accounts.tenant(), () -> jdbc.sql(
				"select count(*) from records.audit_entry where action in ('PLAN_ENTRY_ADDED', 'PLAN_ENTRY_CHANGED') and object like ?")
			.param("file plan entry " + number + " %").query(Integer.class).single())).isEqualTo(2);
		mvc.perform(get("/backoffice/aktenplan").session(manager)).andExpect(status().isOk())
			.andExpect(content().string(containsString("Zweitwohnungsteuer (Satzung 2027)")));

		MockHttpSession clerk = TestAccounts.signIn(mvc, accounts.clerk("Karl", "steuern"));
		mvc.perform(get("/backoffice/aktenplan").session(clerk)).andExpect(status().isForbidden());
		mvc.perform(entry("33.99", "Von der Sachbearbeitung", "", "", "").session(clerk)).andExpect(status().isForbidden());
	}

	private int count() {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select count(*) from records.plan_entry").query(Integer.class).single());
	}

	private static MockHttpServletRequestBuilder entry(String number, String title, String years, String disposal, String types) {
		return post("/backoffice/aktenplan").param("number", number).param("title", title).param("retentionYears", years)
			.param("disposal", disposal).param("procedureTypes", types).with(csrf());
	}
}
