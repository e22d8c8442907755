// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import de.openrathaus.tenancy.TenantContext;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * Paying before submission through the XBezahldienste adapter against the simulator over real HTTP
 * (the municipality's default provider in the embedded mode): submitted once, after a cancel and a
 * failure a retry that succeeds, the provider down while the citizen pays, and a citizen who closes
 * the browser after paying.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "openrathaus.payment.poll-interval=1s")
@AutoConfigureMockMvc
class XBezahldiensteIntegrationTests extends PaymentFlows {

	@Autowired
	Payments payments;

	@Test
	void aCitizenPaysTheFeeAndTheApplicationIsSubmittedOnce() throws Exception {
		String id = completeDraft();
		mvc.perform(get("/portal/antraege/" + id + "/pruefen").session(citizen).with(browser()))
			.andExpect(content().string(containsString("10,00 €")))
			.andExpect(content().string(containsString("2 × 5,00 € = 10,00 €")));
		String page = submit(id);
		assertThat(page).startsWith("http://localhost:" + port + "/paymentsim/zahlen/");
		assertThat(applicationStatus(id)).as("an unpaid draft stays a draft").isEqualTo("DRAFT");

		String back = payAtSimulator(page, "bezahlt");
		assertThat(back).matches("http://localhost:" + port + "/zahlung/[0-9a-f-]{36}/rueckkehr");
		assertThat(comeBack(back)).isEqualTo("/portal/antraege/" + id + "/zahlung");
		await().atMost(Duration.ofSeconds(15)).until(() -> applicationStatus(id).equals("SUBMITTED"));

		// coming back again, pressing submit again: nothing more happens
		comeBack(back);
		assertThat(submit(id)).isEqualTo("/portal/antraege/" + id + "/eingangsbestaetigung");
		mvc.perform(get("/portal/antraege/" + id + "/zahlung").session(citizen).with(browser()));
		assertThat(paymentStatuses(id)).containsExactly("SETTLED");
		assertThat(settlementsOf(id)).isEqualTo(1);
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> submissionsOf(id) == 1);
		assertThat(history(id)).containsExactly("CREATED:CREATED", "STATUS:PENDING", "STATUS:SETTLED");
	}

	@Test
	void aCancelledAndAFailedPaymentLeaveTheDraftAndARetrySucceeds() throws Exception {
		String id = completeDraft();
		assertThat(comeBack(payAtSimulator(submit(id), "abgebrochen"))).isEqualTo("/portal/antraege/" + id + "/zahlung");
		mvc.perform(get("/portal/antraege/" + id + "/zahlung").session(citizen).with(browser()))
			.andExpect(content().string(containsString("Sie haben die Zahlung abgebrochen.")));
		assertThat(applicationStatus(id)).isEqualTo("DRAFT");

		comeBack(payAtSimulator(submit(id), "fehlgeschlagen"));
		mvc.perform(get("/portal/antraege/" + id + "/zahlung").session(citizen).with(browser()))
			.andExpect(content().string(containsString("Die Zahlung ist nicht gelungen.")));
		assertThat(applicationStatus(id)).isEqualTo("DRAFT");

		comeBack(payAtSimulator(submit(id), "bezahlt"));
		await().atMost(Duration.ofSeconds(15)).until(() -> applicationStatus(id).equals("SUBMITTED"));
		assertThat(paymentStatuses(id)).containsExactly("CANCELLED", "FAILED", "SETTLED");
		assertThat(settlementsOf(id)).isEqualTo(1);
	}

	@Test
	void theProviderDownWhenTheCitizenComesBackIsRecoveredByTheStatusQuery() throws Exception {
		String id = completeDraft();
		String back = payAtSimulator(submit(id), "bezahlt");
		simulator.outage(true);
		assertThat(comeBack(back)).isEqualTo("/portal/antraege/" + id + "/zahlung");
		mvc.perform(get("/portal/antraege/" + id + "/zahlung").session(citizen).with(browser()))
			.andExpect(content().string(containsString("wird noch geprüft")));
		assertThat(paymentStatuses(id)).containsExactly("PENDING");
		assertThat(applicationStatus(id)).isEqualTo("DRAFT");
		assertThat(history(id)).contains("STATUS_QUERY_FAILED");

		simulator.outage(false);
		await().atMost(Duration.ofSeconds(20)).until(() -> applicationStatus(id).equals("SUBMITTED"));
		assertThat(paymentStatuses(id)).containsExactly("SETTLED");
	}

	@Test
	void theProviderDownAtCheckoutBooksNothingAndKeepsTheDraft() throws Exception {
		String id = completeDraft();
		simulator.outage(true);
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/portal/antraege/" + id + "/absenden")
				.session(citizen).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
				.with(browser()))
			.andExpect(content().string(containsString("Der Bezahldienst ist gerade nicht erreichbar.")));
		assertThat(paymentStatuses(id)).containsExactly("FAILED");
		simulator.outage(false);
		comeBack(payAtSimulator(submit(id), "bezahlt"));
		await().atMost(Duration.ofSeconds(15)).until(() -> applicationStatus(id).equals("SUBMITTED"));
	}

	@Test
	void aCitizenWhoClosesTheBrowserAfterPayingEndsUpSubmittedByTheBackgroundPoll() throws Exception {
		String id = completeDraft();
		payAtSimulator(submit(id), "bezahlt");
		// never comes back
		await().atMost(Duration.ofSeconds(20)).until(() -> applicationStatus(id).equals("SUBMITTED"));
		assertThat(paymentStatuses(id)).containsExactly("SETTLED");
		assertThat(settlementsOf(id)).isEqualTo(1);
	}

	@Test
	void manyConcurrentStatusQueriesBookThePaymentOnce() throws Exception {
		String id = completeDraft();
		String back = payAtSimulator(submit(id), "bezahlt");
		PaymentId payment = PaymentId.of(back.split("/")[4]);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<PaymentStatus>> calls = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				calls.add(() -> TenantContext.callAs(accounts.tenant(), () -> payments.refresh(payment).status()));
			}
			for (Future<PaymentStatus> result : pool.invokeAll(calls)) {
				assertThat(result.get()).isEqualTo(PaymentStatus.SETTLED);
			}
		}
		finally {
			pool.shutdownNow();
		}
		await().atMost(Duration.ofSeconds(15)).until(() -> applicationStatus(id).equals("SUBMITTED"));
		assertThat(settlementsOf(id)).isEqualTo(1);
		assertThat(history(id).stream().filter(h -> h.equals("STATUS:SETTLED")).count()).isEqualTo(1);
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> submissionsOf(id) == 1);
	}
}
