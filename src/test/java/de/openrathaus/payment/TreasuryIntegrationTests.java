// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.openrathaus.TestAccounts;
import de.openrathaus.tenancy.MunicipalClock;
import de.openrathaus.tenancy.TenantContext;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;

/**
 * A fee due on the decision, paid at the simulator over real HTTP and reminded while unpaid; and the
 * treasury: the daily reconciliation against the provider's status, four-eyes refunds that never
 * exceed what was paid, and the accounting export read back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = {"openrathaus.payment.poll-interval=1s", "openrathaus.payment.requests.reminder-interval=1s"})
@AutoConfigureMockMvc
class TreasuryIntegrationTests extends PaymentFlows {

	@Test
	void anApprovedDecisionAsksForTheFeeWhichIsRemindedOncePerStageAndPaidAtTheSimulator() throws Exception {
		String id = halteverbotApplication("2");
		String clerkEmail = accounts.clerk("Sven", "ordnung");
		MockHttpSession clerk = TestAccounts.signIn(mvc, clerkEmail);
		mvc.perform(post("/backoffice/faelle/" + id + "/uebernehmen").session(clerk).with(csrf()));
		mvc.perform(post("/backoffice/faelle/" + id + "/genehmigen").param("bestaetigt", "ja").session(clerk).with(csrf()));
		assertThat(applicationStatus(id)).isEqualTo("APPROVED");

		await().atMost(Duration.ofSeconds(15)).until(() -> mailboxSubjects().stream().anyMatch(s -> s.startsWith("Zahlungsaufforderung: HVZ-")));
		UUID request = requestOf(id);
		mvc.perform(get("/portal/postfach").session(citizen)).andExpect(content().string(containsString("Zahlungsaufforderung: HVZ-")));
		String dueOn = LocalDate.now(MunicipalClock.ZONE).plusDays(14).format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));
		mvc.perform(get("/zahlung/forderung/" + request).session(citizen).with(browser()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("30,00 €")))
			.andExpect(content().string(containsString(dueOn)))
			.andExpect(content().string(containsString("Halteverbot ")));
		mvc.perform(get("/portal/antraege/" + id).session(citizen)).andExpect(content().string(containsString("fällig bis " + dueOn)));
		mvc.perform(get("/backoffice/faelle/" + id).session(clerk)).andExpect(content().string(containsString(">offen</span>")));
		// another citizen does not see it
		MockHttpSession other = TestAccounts.signIn(mvc, accounts.citizen("Otto"));
		mvc.perform(get("/zahlung/forderung/" + request).session(other)).andExpect(status().isNotFound());

		// eight days past the due date: the first reminder, once however often the job runs
		setDueOn(request, LocalDate.now(MunicipalClock.ZONE).minusDays(8));
		await().atMost(Duration.ofSeconds(15)).until(() -> reminders().size() == 1);
		assertThat(reminders().getFirst()).startsWith("1. Zahlungserinnerung: HVZ-");
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> reminders().size() == 1 && stageOf(request) == 1);

		String page = mvc.perform(post("/zahlung/forderung/" + request + "/bezahlen").session(citizen).with(csrf()).with(browser()))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		assertThat(page).startsWith("http://localhost:" + port + "/paymentsim/zahlen/");
		assertThat(comeBack(payAtSimulator(page, "bezahlt"))).isEqualTo("/zahlung/forderung/" + request);
		mvc.perform(get("/zahlung/forderung/" + request).session(citizen).with(browser()))
			.andExpect(content().string(containsString("Vielen Dank, Ihre Zahlung ist eingegangen.")));
		mvc.perform(get("/backoffice/faelle/" + id).session(clerk)).andExpect(content().string(containsString(">bezahlt</span>")));

		// paid: the second stage would be due now, but no reminder follows
		setDueOn(request, LocalDate.now(MunicipalClock.ZONE).minusDays(30));
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> reminders().size() == 1 && stageOf(request) == 1);
	}

	@Test
	void theReconciliationSumsEqualTheBookedPaymentsAndFlagsAPaymentTheProviderDoesNotKnow() throws Exception {
		// the database may hold other tests' payments of the same day (CI's second run shares one database),
		// which this server's simulator does not know: the checks below name this test's own payments
		PaymentId first = payBeforeSubmission();
		PaymentId second = payBeforeSubmission();
		comeBack(payAtSimulator(submit(completeDraft()), "abgebrochen"));
		PaymentId ghost = bookedWithoutProvider("Geist 1", 777);
		LocalDate day = settledOn(ghost);
		MockHttpSession treasurer = TestAccounts.signIn(mvc, treasurer("Karl"));

		List<Map<String, String>> rows = csv(mvc.perform(get("/kasse/abgleich.csv").param("tag", day.toString()).session(treasurer))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
		long booked = rows.stream().filter(r -> r.get("Stand_OpenRathaus").equals("SETTLED")).mapToLong(r -> Long.parseLong(r.get("Betrag_Cent"))).sum();
		long reported = rows.stream().filter(r -> r.get("Stand_Anbieter").equals("PAID"))
			.mapToLong(r -> Long.parseLong(r.get("Betrag_Anbieter_Cent"))).sum();
		long missing = rows.stream().filter(r -> r.get("Abweichung").equals("MISSING_AT_PROVIDER"))
			.mapToLong(r -> Long.parseLong(r.get("Betrag_Cent"))).sum();
		assertThat(booked).as("the report's booked sum is the ledger's").isEqualTo(settledSum(day, day)).isPositive();
		assertThat(reported).as("the provider confirms everything but the payment it does not know").isEqualTo(booked - missing);
		assertThat(rows).filteredOn(r -> r.get("Zahlungsreferenz").equals(ghost.toString()))
			.singleElement().satisfies(r -> assertThat(r.get("Abweichung")).isEqualTo("MISSING_AT_PROVIDER"));
		assertThat(rows).filteredOn(r -> r.get("Stand_OpenRathaus").equals("CANCELLED") && r.get("Stand_Anbieter").equals("CANCELLED"))
			.allSatisfy(r -> assertThat(r.get("Abweichung")).isEqualTo("NONE"));
		assertThat(rows).filteredOn(r -> r.get("Zahlungsreferenz").equals(first.toString()) || r.get("Zahlungsreferenz").equals(second.toString()))
			.hasSize(2).allSatisfy(r -> assertThat(r.get("Abweichung")).isEqualTo("NONE"));

		mvc.perform(get("/kasse/abgleich").param("tag", day.toString()).session(treasurer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(new de.openrathaus.tax.Money(booked).format())))
			.andExpect(content().string(containsString("beim Bezahldienst unbekannt")));
		mvc.perform(get("/kasse/abgleich").session(citizen)).andExpect(status().isForbidden());
	}

	@Test
	void aPartialRefundNeedsASecondPersonAndNeverExceedsWhatWasPaid() throws Exception {
		PaymentId payment = payBeforeSubmission();
		MockHttpSession karl = TestAccounts.signIn(mvc, treasurer("Karl"));
		MockHttpSession klara = TestAccounts.signIn(mvc, treasurer("Klara"));
		String refunds = "/kasse/zahlungen/" + payment + "/erstattungen";

		mvc.perform(post(refunds).param("betrag", "4,00").param("grund", "Doppelt beantragt").session(karl).with(csrf()))
			.andExpect(flash().attribute("notice", "treasury.refund.requested"));
		UUID first = refundsOf(payment).getFirst();
		mvc.perform(post("/kasse/erstattungen/" + first + "/freigeben").session(karl).with(csrf()))
			.andExpect(flash().attribute("refused", "treasury.refund.fourEyes"));
		assertThat(refundStatus(first)).as("the requester cannot approve").isEqualTo("REQUESTED");
		mvc.perform(post("/kasse/erstattungen/" + first + "/freigeben").session(klara).with(csrf()))
			.andExpect(flash().attribute("notice", "treasury.refund.approved"));
		assertThat(refundStatus(first)).isEqualTo("APPROVED");

		mvc.perform(post(refunds).param("betrag", "7,00").param("grund", "Rest").session(karl).with(csrf()))
			.andExpect(flash().attribute("refused", "treasury.refund.tooMuch"));
		mvc.perform(post(refunds).param("betrag", "abc").param("grund", "Rest").session(karl).with(csrf()))
			.andExpect(flash().attribute("refused", "treasury.refund.amountInvalid"));
		mvc.perform(post(refunds).param("betrag", "1,00").param("grund", "  ").session(karl).with(csrf()))
			.andExpect(flash().attribute("refused", "treasury.refund.reasonMissing"));
		assertThat(refundsOf(payment)).as("a refused request stores nothing").hasSize(1);
		mvc.perform(post(refunds).param("betrag", "6").param("grund", "Rest erstattet").session(karl).with(csrf()))
			.andExpect(flash().attribute("notice", "treasury.refund.requested"));
		mvc.perform(post(refunds).param("betrag", "0,01").param("grund", "zu viel").session(klara).with(csrf()))
			.andExpect(flash().attribute("refused", "treasury.refund.tooMuch"));
		UUID second = refundsOf(payment).get(1);
		mvc.perform(post("/kasse/erstattungen/" + second + "/ausgezahlt").session(klara).with(csrf()))
			.andExpect(flash().attribute("refused", "treasury.refund.notApproved"));
		mvc.perform(post("/kasse/erstattungen/" + second + "/ablehnen").session(klara).with(csrf()))
			.andExpect(flash().attribute("notice", "treasury.refund.rejected"));
		mvc.perform(post("/kasse/erstattungen/" + first + "/ausgezahlt").session(karl).with(csrf()))
			.andExpect(flash().attribute("notice", "treasury.refund.paidOut"));
		assertThat(refundStatus(first)).isEqualTo("PAID_OUT");
		assertThat(refundStatus(second)).isEqualTo("REJECTED");
		assertThat(history(payment)).containsSubsequence("REFUND_REQUESTED", "REFUND_APPROVED", "REFUND_REQUESTED", "REFUND_REJECTED",
				"REFUND_PAID_OUT");
		mvc.perform(get("/kasse/zahlungen/" + payment).session(klara)).andExpect(content().string(containsString("Doppelt beantragt")))
			.andExpect(content().string(containsString("ausgezahlt")));
		mvc.perform(post(refunds).param("betrag", "1,00").param("grund", "x").session(citizen).with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void theAccountingExportReadsBackToTheBookedPaymentsFormulaSafe() throws Exception {
		payBeforeSubmission();
		PaymentId formula = bookedWithoutProvider("=SUM(1,2)", 1234);
		LocalDate day = settledOn(formula);
		MockHttpSession treasurer = TestAccounts.signIn(mvc, treasurer("Karl"));
		byte[] file = mvc.perform(get("/kasse/export.csv").param("von", day.minusDays(1).toString()).param("bis", day.plusDays(1).toString())
				.session(treasurer)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		List<Map<String, String>> rows = csv(file);
		long payments = rows.stream().filter(r -> r.get("Belegart").equals("ZAHLUNG")).mapToLong(r -> Long.parseLong(r.get("Betrag_Cent"))).sum();
		assertThat(payments).isEqualTo(settledSum(day.minusDays(1), day.plusDays(1))).isPositive();
		assertThat(rows).allSatisfy(r -> assertThat(Long.parseLong(r.get("Betrag_Cent")))
			.isEqualTo(Long.parseLong(r.get("Betrag_EUR").replace(",", ""))));
		assertThat(rows).filteredOn(r -> r.get("Zahlungsreferenz").equals(formula.toString())).singleElement()
			.satisfies(r -> {
				assertThat(r.get("Verwendungszweck")).isEqualTo("'=SUM(1,2)");
				assertThat(r.get("Betrag_EUR")).isEqualTo("12,34");
				assertThat(r.get("Kostenstelle")).isEqualTo("9.99");
			});
		mvc.perform(get("/kasse/export.csv").param("von", day.toString()).param("bis", day.minusDays(1).toString()).session(treasurer))
			.andExpect(flash().attribute("refused", "treasury.export.period"));
	}

	// --- the steps and the looks into the database

	/** A citizen's halteverbot application for the given number of days (15,00 € each), submitted without paying. */
	String halteverbotApplication(String days) throws Exception {
		String started = mvc.perform(post("/portal/antraege").param("leistung", "halteverbot-umzug").session(citizen).with(csrf())
				.with(browser())).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		String id = started.split("/")[3];
		mvc.perform(post("/portal/antraege/" + id + "/schritt/halteverbot").param("halteverbot.strasse", "Musterstraße 1").param("halteverbot.seiten", "eine")
				.param("halteverbot.datum", "15.01.2027").param("halteverbot.tage", days).param("aktion", "weiter").session(citizen)
				.with(csrf()).with(browser())).andExpect(status().is3xxRedirection());
		assertThat(submit(id)).as("no payment before submission").isEqualTo("/portal/antraege/" + id + "/eingangsbestaetigung");
		assertThat(applicationStatus(id)).isEqualTo("SUBMITTED");
		return id;
	}

	/** A replacement token paid before submission; answers its settled payment. */
	PaymentId payBeforeSubmission() throws Exception {
		String id = completeDraft();
		comeBack(payAtSimulator(submit(id), "bezahlt"));
		await().atMost(Duration.ofSeconds(15)).until(() -> paymentStatuses(id).contains("SETTLED"));
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select id from payment.payment where subject = ? and status = 'SETTLED'")
			.param("application:" + id).query((rs, n) -> new PaymentId(rs.getObject(1, UUID.class))).single());
	}

	/** A payment in our ledger, settled now, whose reference the provider never heard of. */
	PaymentId bookedWithoutProvider(String purpose, long cents) {
		PaymentId id = PaymentId.random();
		TenantContext.runAs(accounts.tenant(), () -> jdbc.sql("insert into payment.payment (id, subject, amount_cents, purpose, description, "
				+ "items, payer, provider, provider_ref, return_to, status, created_at, changed_at, settled_at) values (?, ?, ?, ?, 'test', "
				+ "?::jsonb, 'test', 'xbezahldienste', ?, '/', 'SETTLED', now(), now(), now())")
			.params(id.value(), "test:" + id, cents, purpose, "[{\"reference\":\"test\",\"quantity\":1,\"unitCents\":" + cents
					+ ",\"totalCents\":" + cents + ",\"costCentre\":\"9.99\",\"account\":\"4311000\"}]", "unknown-" + id)
			.update());
		return id;
	}

	LocalDate settledOn(PaymentId id) {
		Instant at = TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select settled_at from payment.payment where id = ?")
			.param(id.value()).query(Timestamp.class).single()).toInstant();
		return LocalDate.ofInstant(at, MunicipalClock.ZONE);
	}

	long settledSum(LocalDate from, LocalDate to) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select coalesce(sum(amount_cents), 0) from payment.payment "
				+ "where status = 'SETTLED' and settled_at >= ? and settled_at < ?")
			.params(Timestamp.from(from.atStartOfDay(MunicipalClock.ZONE).toInstant()),
					Timestamp.from(to.plusDays(1).atStartOfDay(MunicipalClock.ZONE).toInstant()))
			.query(Long.class).single());
	}

	/** A staff member of the treasury (Stadtkasse). */
	String treasurer(String name) {
		String email = accounts.clerk(name, "kasse");
		TenantContext.runAs(accounts.tenant(), () -> jdbc.sql("update account.staff_role set role = 'TREASURY' "
				+ "where account_id = (select id from account.account where email = ?)").param(email).update());
		return email;
	}

	UUID requestOf(String application) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select id from payment.payment_request where subject = ?")
			.param("decision:" + application).query(UUID.class).single());
	}

	void setDueOn(UUID request, LocalDate dueOn) {
		TenantContext.runAs(accounts.tenant(), () -> jdbc.sql("update payment.payment_request set due_on = ? where id = ?")
			.params(dueOn, request).update());
	}

	int stageOf(UUID request) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select reminder_stage from payment.payment_request where id = ?")
			.param(request).query(Integer.class).single());
	}

	List<String> mailboxSubjects() {
		UUID account = accounts.idOf(citizenEmail);
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select subject from correspondence.mailbox_message where account_id = ? "
				+ "order by made_available_at").param(account).query(String.class).list());
	}

	List<String> reminders() {
		return mailboxSubjects().stream().filter(s -> s.contains("Zahlungserinnerung")).toList();
	}

	List<UUID> refundsOf(PaymentId payment) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select id from payment.refund where payment_id = ? order by requested_at")
			.param(payment.value()).query(UUID.class).list());
	}

	String refundStatus(UUID refund) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select status from payment.refund where id = ?").param(refund)
			.query(String.class).single());
	}

	List<String> history(PaymentId payment) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select kind from payment.payment_event where payment_id = ? order by id")
			.param(payment.value()).query(String.class).list());
	}

	/** Reads RFC 4180 CSV (quoted cells, doubled quotes, CRLF) as rows keyed by the header. */
	static List<Map<String, String>> csv(byte[] bytes) {
		String text = new String(bytes, StandardCharsets.UTF_8);
		List<List<String>> records = new ArrayList<>();
		List<String> record = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				record.add(cell.toString());
				cell.setLength(0);
			}
			else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
				record.add(cell.toString());
				cell.setLength(0);
				records.add(record);
				record = new ArrayList<>();
				i++;
			}
			else {
				cell.append(c);
			}
		}
		assertThat(cell).as("every record ends with CRLF").isEmpty();
		List<String> header = records.getFirst();
		List<Map<String, String>> rows = new ArrayList<>();
		for (List<String> r : records.subList(1, records.size())) {
			assertThat(r).hasSameSizeAs(header);
			Map<String, String> row = new java.util.LinkedHashMap<>();
			for (int i = 0; i < header.size(); i++) {
				row.put(header.get(i), r.get(i));
			}
			rows.add(row);
		}
		return rows;
	}
}
