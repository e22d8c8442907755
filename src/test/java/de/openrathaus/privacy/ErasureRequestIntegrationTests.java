// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import de.openrathaus.DogRegistrations;
import de.openrathaus.TestAccounts;
import de.openrathaus.payment.PaymentRequests;
import de.openrathaus.payment.Payments;
import de.openrathaus.records.audit.AuditTrail;
import de.openrathaus.tax.Money;
import de.openrathaus.tenancy.TenantContext;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Art. 17 GDPR: an erasure removes what no retention duty keeps and keeps the rest with its reason,
 * checked in the database; an application still being worked stands in the way and then nothing
 * changes; another person's data is untouched; every erasure is recorded.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ErasureRequestIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PaymentRequests payments;

	@Autowired
	AuditTrail audit;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aCitizenErasesTheirAccountOnceNothingIsBeingWorkedAndTheCityKeepsWhatTheLawRequires() throws Exception {
		String eberhard = accounts.citizen("Eberhard");
		String friedegund = accounts.citizen("Friedegund");
		UUID id = accounts.idOf(eberhard);
		MockHttpSession mine = TestAccounts.signIn(mvc, eberhard);
		MockHttpSession theirs = TestAccounts.signIn(mvc, friedegund);
		MockHttpSession clerk = TestAccounts.signIn(mvc, accounts.clerk("Gisbert", "steuern"));
		String application = DogRegistrations.submittedAndTaken(mvc, mine, clerk, "Eberhard", "276098765400161");
		address(mine, "Eberhard Löscher");
		address(theirs, "Friedegund Bleibt");
		mvc.perform(post("/portal/antraege").param("leistung", "hund-anmelden").session(mine).with(csrf()));
		TenantContext.runAs(accounts.tenant(), () -> transactions.executeWithoutResult(s -> payments.demand(new PaymentRequests.Demand(
				"test:" + UUID.randomUUID(), id.toString(), null, "LOESCHUNG-1", new Money(1200), "Loeschung Testgebuehr", "Testgebühr",
				List.of(new Payments.Item("test", "Testgebühr", 1, new Money(1200), new Money(1200), "1.00", "4311000"))))));

		// while the application is being worked, nothing can be erased, and a POST changes nothing
		String blocked = page(get("/portal/konto/loeschen").session(mine));
		assertThat(blocked).contains("kann derzeit nicht gelöscht werden").contains("wird noch bearbeitet").doesNotContain("endgültig löschen</button>");
		assertThat(page(post("/portal/konto/loeschen").param("confirmed", "ja").session(mine).with(csrf())))
			.contains("Es wurde nichts gelöscht");
		assertThat(count("select count(*) from account.account where id = ? and email is not null", id)).isOne();
		assertThat(count("select count(*) from correspondence.postal_address where account_id = ?", id)).isOne();

		mvc.perform(post("/backoffice/faelle/" + application + "/genehmigen").param("bestaetigt", "ja").session(clerk).with(csrf()));
		await().atMost(Duration.ofSeconds(30)).until(() -> count("""
				select count(*) from procedure.decision d where d.application_id = ?::uuid and d.document is null
				   and not exists (select 1 from correspondence.delivery where account_id = ?::uuid and status = 'QUEUED')""",
				application, id) == 1);

		String preview = page(get("/portal/konto/loeschen").session(mine));
		assertThat(preview).contains("Wird gelöscht").contains("Anschrift für Briefe").contains("Antragsentwurf")
			.contains("Bleibt gespeichert").contains("Vorgang in der E-Akte").contains("Buchungsbeleg").contains("endgültig löschen");
		// the preview changed nothing; unconfirmed or without CSRF token, nothing happens either
		assertThat(page(post("/portal/konto/loeschen").session(mine).with(csrf()))).contains("Bitte bestätigen Sie");
		mvc.perform(post("/portal/konto/loeschen").param("confirmed", "ja").session(mine)).andExpect(status().isForbidden());
		assertThat(count("select count(*) from account.account where id = ? and erased_at is null", id)).isOne();
		assertThat(count("select count(*) from procedure.application where applicant_id = ? and status = 'DRAFT'", id)).isOne();

		String done = page(post("/portal/konto/loeschen").param("confirmed", "ja").session(mine).with(csrf()));
		assertThat(done).contains("Ihr Servicekonto ist gelöscht").contains("Aufbewahrungsfrist").doesNotContain("Abmelden");

		// removed
		assertThat(count("""
				select count(*) from account.account where id = ? and email is null and contact_email is null and password_hash is null
				   and display_name = '' and not enabled and erased_at is not null""", id)).isOne();
		assertThat(count("select count(*) from correspondence.postal_address where account_id = ?", id)).isZero();
		assertThat(count("select count(*) from correspondence.mailbox_message where account_id = ?", id)).isZero();
		assertThat(count("select count(*) from correspondence.application_channel where account_id = ?", id)).isZero();
		assertThat(count("select count(*) from procedure.application where applicant_id = ? and status = 'DRAFT'", id)).isZero();
		// kept: the decided application with its case and documents, the delivery proof, the accounting records
		assertThat(count("select count(*) from procedure.application where id = ?::uuid and status = 'APPROVED'", application)).isOne();
		assertThat(count("select count(*) from records.record_case where source = 'application:' || ?", application)).isOne();
		assertThat(count("select count(*) from correspondence.delivery where account_id = ?", id)).isPositive();
		assertThat(count("select count(*) from payment.payment_request where payer = ?::text", id)).isOne();
		// recorded, and the audit trail still verifies
		assertThat(count("select count(*) from privacy.erasure_request where account_id = ? and channel = 'PORTAL' and removed > 0 and kept > 0", id))
			.isOne();
		assertThat(TenantContext.callAs(accounts.tenant(), () -> audit.verify())).isEmpty();
		// the other citizen keeps everything
		assertThat(count("select count(*) from correspondence.postal_address where account_id = ?", accounts.idOf(friedegund))).isOne();
		mvc.perform(get("/portal").session(theirs)).andExpect(status().isOk());

		// signed out, and the old password opens nothing
		mvc.perform(get("/portal").session(mine)).andExpect(status().is3xxRedirection());
		mvc.perform(post("/anmelden").param("email", eberhard).param("password", TestAccounts.PASSWORD).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).contains("fehler"));
	}

	@Test
	void theDataProtectionOfficerPreviewsAndCarriesOutAnErasureRequestInWriting() throws Exception {
		String person = accounts.citizen("Hildegunde");
		UUID id = accounts.idOf(person);
		MockHttpSession citizen = TestAccounts.signIn(mvc, person);
		address(citizen, "Hildegunde Schreibt");
		MockHttpSession clerk = TestAccounts.signIn(mvc, accounts.clerk("Ignaz", "steuern"));
		MockHttpSession officer = TestAccounts.signIn(mvc, "datenschutz@musterstadt.example", "Demo-Passwort-2026");

		mvc.perform(get("/datenschutz/loeschung").session(clerk)).andExpect(status().isForbidden());
		mvc.perform(post("/datenschutz/loeschung/ausfuehren").param("account", id.toString()).session(citizen).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(page(post("/datenschutz/loeschung").param("email", "steuern@musterstadt.example").session(officer).with(csrf())))
			.contains("kein eindeutiges Servicekonto");

		String preview = page(post("/datenschutz/loeschung").param("email", person).session(officer).with(csrf()));
		assertThat(preview).contains("Vorschau der Löschung").contains("Hildegunde").contains("Anschrift für Briefe")
			.contains("Löschung durchführen");
		assertThat(count("select count(*) from correspondence.postal_address where account_id = ?", id)).isOne();

		String done = page(post("/datenschutz/loeschung/ausfuehren").param("account", id.toString()).session(officer).with(csrf()));
		assertThat(done).contains("Löschung durchgeführt").contains("Anschrift für Briefe");
		assertThat(count("select count(*) from correspondence.postal_address where account_id = ?", id)).isZero();
		assertThat(count("select count(*) from account.account where id = ? and erased_at is not null", id)).isOne();
		// the account opens nothing any more (its stored sessions end with it: SessionsAcrossNodesIntegrationTests
		// shows that for a password reset, which ends them the same way); the erasure is listed by account number
		mvc.perform(post("/anmelden").param("email", person).param("password", TestAccounts.PASSWORD).with(csrf()))
			.andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).contains("fehler"));
		assertThat(page(get("/datenschutz/loeschung").session(officer))).contains(id.toString()).contains("Datenschutz");
		// a second erasure finds nothing left to remove
		assertThat(page(post("/datenschutz/loeschung/ausfuehren").param("account", id.toString()).session(officer).with(csrf())))
			.contains("Löschung durchgeführt");
	}

	private void address(MockHttpSession session, String name) throws Exception {
		mvc.perform(post("/portal/konto/anschrift").param("name", name).param("strasse", "Lindenallee 7").param("plz", "51147")
			.param("ort", "Musterstadt").session(session).with(csrf()));
	}

	private String page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private long count(String sql, Object... parameters) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql(sql).params(parameters).query(Long.class).single());
	}
}
