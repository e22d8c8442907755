// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import de.openrathaus.DogRegistrations;
import de.openrathaus.TestAccounts;
import de.openrathaus.tenancy.TenantContext;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** A clerk opening a case in case work leaves a read in the audit trail, naming the clerk and the case; a refused look leaves none. */
@SpringBootTest
@AutoConfigureMockMvc
class CaseWorkReadAuditIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void openingACaseIsAuditedAsARead() throws Exception {
		MockHttpSession citizen = TestAccounts.signIn(mvc, accounts.citizen("Gesine"));
		MockHttpSession clerk = TestAccounts.signIn(mvc, accounts.clerk("Hiltrud", "steuern"));
		MockHttpSession stranger = TestAccounts.signIn(mvc, accounts.clerk("Ingo", "ordnung"));
		String id = DogRegistrations.submittedAndTaken(mvc, citizen, clerk, "Gesine", "276098765400171");
		String reference = TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select reference from procedure.application where id = ?::uuid")
			.param(id).query(String.class).single());

		mvc.perform(get("/backoffice/faelle/" + id).session(stranger)).andExpect(status().isNotFound());
		mvc.perform(get("/backoffice/faelle/" + id).session(clerk).with(r -> {
			r.setRemoteAddr("192.0.2.44");
			return r;
		})).andExpect(status().isOk());

		await().atMost(Duration.ofSeconds(15)).until(() -> reads(reference, "Hiltrud") == 1);
		assertThat(reads(reference, "Ingo")).as("a refused look reads nothing").isZero();
		assertThat(TenantContext.callAs(accounts.tenant(), () -> jdbc.sql(
				"select origin from records.audit_entry where object = ? and action = 'READ'").param("case " + reference + " (case work)")
			.query(String.class).single())).isEqualTo("192.0.2.44");
	}

	private long reads(String reference, String actor) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql(
				"select count(*) from records.audit_entry where object = ? and action = 'READ' and actor like ?")
			.params("case " + reference + " (case work)", actor + "%").query(Long.class).single());
	}
}
