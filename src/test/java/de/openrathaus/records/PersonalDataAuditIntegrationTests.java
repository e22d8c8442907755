// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
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

/**
 * Audit everywhere (issue 16): reads and changes of personal data outside the e-file reach the same
 * hash-chained audit trail: a citizen's mailbox, the post room's inbound mails, account administration,
 * catalogue edits, and the answers to access requests.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PersonalDataAuditIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void readsAndChangesInEveryModuleAreInTheAuditTrail() throws Exception {
		String citizen = accounts.citizen("Roswitha");
		UUID account = accounts.idOf(citizen);
		UUID message = UUID.randomUUID();
		TenantContext.runAs(accounts.tenant(), () -> jdbc.sql("""
				insert into correspondence.mailbox_message(id, account_id, subject, body) values (?, ?, 'Ihr Bescheid', 'Guten Tag')""")
			.params(message, account).update());
		MockHttpSession mine = TestAccounts.signIn(mvc, citizen);
		String clerkEmail = accounts.clerk("Sieglinde", "steuern");
		MockHttpSession clerk = TestAccounts.signIn(mvc, clerkEmail);
		MockHttpSession admin = TestAccounts.signIn(mvc, "verwaltung@musterstadt.example", "Demo-Passwort-2026");

		// a citizen reads a message; another citizen's message is not found and leaves no trace
		mvc.perform(get("/portal/postfach/" + message).session(mine)).andExpect(status().isOk());
		mvc.perform(get("/portal/postfach/" + UUID.randomUUID()).session(mine)).andExpect(status().isNotFound());
		// the post room lists inbound mails
		mvc.perform(get("/backoffice/posteingang").session(clerk)).andExpect(status().isOk());
		// an administrator looks at the staff accounts and grants a role
		mvc.perform(get("/admin").session(admin)).andExpect(status().isOk());
		UUID staff = accounts.idOf(clerkEmail);
		mvc.perform(post("/admin/mitarbeitende/" + staff + "/rollen").param("department", "steuern").param("role", "REVIEWER")
			.param("change", "vergeben").session(admin).with(csrf())).andExpect(status().is3xxRedirection());
		// a clerk comments on a catalogue process
		UUID process = TenantContext.callAs(accounts.tenant(),
				() -> jdbc.sql("select id from catalogue.process order by process_key limit 1").query(UUID.class).single());
		mvc.perform(post("/backoffice/katalog/" + process + "/kommentar").param("kommentar", "Bitte Rechtsgrundlage ergänzen.")
			.session(clerk).with(csrf())).andExpect(status().is3xxRedirection());
		// the citizen downloads what the city keeps about them
		mvc.perform(post("/portal/konto/auskunft").session(mine).with(csrf())).andExpect(status().isOk());

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(entries("account " + account, "READ", "mailbox message " + message)).isOne();
			assertThat(entries("Sieglinde", "READ", "inbound mails awaiting triage%")).isOne();
			assertThat(entries("Anna Admin", "READ", "staff accounts, roles and API keys (administration)")).isPositive();
			assertThat(entries("Anna Admin", "CHANGED", "account " + staff + " role REVIEWER in steuern granted")).isOne();
			assertThat(entries("Sieglinde", "CHANGED", "catalogue process " + process + " commented")).isOne();
			assertThat(entries("account " + account, "EXPORTED", "personal data of account " + account + " (access request, portal)")).isOne();
		});
		assertThat(entries("account " + account, "READ", "mailbox message %")).as("only the message that was found").isOne();
		// the content of what was read is not in the trail
		assertThat(entries("%", "%", "%Guten Tag%")).isZero();
	}

	private long entries(String actor, String action, String object) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql(
				"select count(*) from records.audit_entry where actor like ? and action like ? and object like ?").params(actor, action, object)
			.query(Long.class).single());
	}
}
