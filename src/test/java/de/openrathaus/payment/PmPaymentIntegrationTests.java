// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * Paying through the pmPayment adapter against the simulator: the signed form handed over to the
 * provider, the provider's notification over real HTTP, believed only after a status query. Forged,
 * wrong-amount and replayed notifications, sent by hand as an attacker would, change nothing.
 * The background poll is slowed down here, so that only notifications can settle a payment.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = {"openrathaus.payment.defaults.provider=pmpayment", "openrathaus.payment.poll-interval=1h"})
@AutoConfigureMockMvc
class PmPaymentIntegrationTests extends PaymentFlows {

	static final String KEY = "demo-simulator-key-not-a-secret";
	static final String AGS = "05999000";

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theProvidersNotificationConfirmedByAStatusQuerySubmitsTheApplication() throws Exception {
		String id = completeDraft();
		Handed handed = handOver(id);
		payAtSimulator(handed.page(), "bezahlt");
		// the citizen never comes back: the notification alone (checked by a status query) submits
		await().atMost(Duration.ofSeconds(15)).until(() -> applicationStatus(id).equals("SUBMITTED"));
		assertThat(paymentStatuses(id)).containsExactly("SETTLED");
		assertThat(history(id)).containsExactly("CREATED:CREATED", "STATUS:PENDING", "NOTIFICATION_ACCEPTED", "STATUS:SETTLED");
		assertThat(settlementsOf(id)).isEqualTo(1);
	}

	@Test
	void aForgedNotificationIsRefusedAndChangesNothing() throws Exception {
		String id = completeDraft();
		Handed handed = handOver(id);
		payAtSimulator(handed.page(), "bezahlt-ohne-nachricht");
		Map<String, String> forged = notification(handed.txid(), 1000, "1", "guessed-key");
		int refusedBefore = refusedSignatures();
		assertThat(send(forged)).isEqualTo(400);
		assertThat(paymentStatuses(id)).containsExactly("PENDING");
		assertThat(history(id)).doesNotContain("STATUS:SETTLED");
		// recorded, but not against the payment it names: an unsigned message names nothing we believe
		assertThat(refusedSignatures()).isEqualTo(refusedBefore + 1);
		assertThat(applicationStatus(id)).isEqualTo("DRAFT");
	}

	@Test
	void aNotificationWithAnotherAmountIsRefusedEvenWhenSigned() throws Exception {
		String id = completeDraft();
		Handed handed = handOver(id);
		payAtSimulator(handed.page(), "bezahlt-ohne-nachricht");
		assertThat(send(notification(handed.txid(), 1, "1", KEY))).isEqualTo(400);
		assertThat(paymentStatuses(id)).containsExactly("PENDING");
		assertThat(history(id)).contains("NOTIFICATION_REFUSED").doesNotContain("STATUS:SETTLED");
		assertThat(applicationStatus(id)).isEqualTo("DRAFT");
	}

	@Test
	void aReplayedNotificationChangesNothing() throws Exception {
		String id = completeDraft();
		Handed handed = handOver(id);
		payAtSimulator(handed.page(), "bezahlt-ohne-nachricht");
		Map<String, String> genuine = notification(handed.txid(), 1000, "1", KEY);
		assertThat(send(genuine)).isEqualTo(200);
		await().atMost(Duration.ofSeconds(15)).until(() -> applicationStatus(id).equals("SUBMITTED"));
		assertThat(send(genuine)).isEqualTo(200);
		assertThat(send(genuine)).isEqualTo(200);
		assertThat(paymentStatuses(id)).containsExactly("SETTLED");
		assertThat(settlementsOf(id)).isEqualTo(1);
		assertThat(history(id)).containsSubsequence("STATUS:SETTLED", "NOTIFICATION_REPLAYED", "NOTIFICATION_REPLAYED");
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> submissionsOf(id) == 1);
	}

	@Test
	void aSignedPaidNotificationThatTheProviderDoesNotConfirmBooksNothing() throws Exception {
		String id = completeDraft();
		// the payer has not paid yet: the provider's status says open, whatever the notification claims
		Handed handed = handOver(id);
		assertThat(send(notification(handed.txid(), 1000, "1", KEY))).isEqualTo(200);
		assertThat(paymentStatuses(id)).containsExactly("PENDING");
		assertThat(applicationStatus(id)).isEqualTo("DRAFT");
	}

	@Test
	void aLateNotificationStillSubmits() throws Exception {
		String id = completeDraft();
		Handed handed = handOver(id);
		payAtSimulator(handed.page(), "bezahlt-spaet");
		assertThat(applicationStatus(id)).isEqualTo("DRAFT");
		await().atMost(Duration.ofSeconds(20)).until(() -> applicationStatus(id).equals("SUBMITTED"));
		assertThat(settlementsOf(id)).isEqualTo(1);
	}

	private int refusedSignatures() {
		return de.openrathaus.tenancy.TenantContext.callAs(accounts.tenant(), () -> jdbc.sql(
				"select count(*) from payment.payment_event where kind = 'NOTIFICATION_REFUSED' and payment_id is null "
						+ "and detail like '%signature%'").query(Integer.class).single());
	}

	record Handed(String txid, String page) {
	}

	/** Submit, then the hand-over page's signed form posted to the simulator as the browser would. */
	private Handed handOver(String id) throws Exception {
		String handOver = submit(id);
		assertThat(handOver).startsWith("/zahlung/pmpayment/");
		String page = mvc.perform(get(handOver).session(citizen).with(browser())).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		String form = page.substring(page.indexOf("<form method=\"post\" action=\""));
		assertThat(form.substring(0, form.indexOf("</form>"))).as("no CSRF token of ours goes to the provider").doesNotContain("_csrf");
		Matcher action = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"").matcher(page);
		assertThat(action.find()).isTrue();
		MockHttpServletRequestBuilder post = post(HtmlUtils.htmlUnescape(action.group(1)))
			.contentType("application/x-www-form-urlencoded");
		Matcher field = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">").matcher(page);
		String txid = null;
		while (field.find()) {
			String value = HtmlUtils.htmlUnescape(field.group(2));
			post.param(field.group(1), value);
			if (field.group(1).equals("txid")) {
				txid = value;
			}
		}
		assertThat(txid).isNotNull();
		String paymentPage = mvc.perform(post.with(browser())).andExpect(status().isSeeOther()).andReturn().getResponse()
			.getRedirectedUrl();
		assertThat(paymentPage).contains("/paymentsim/zahlen/" + txid);
		return new Handed(txid, paymentPage);
	}

	private static Map<String, String> notification(String txid, long cents, String status, String key) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("ags", AGS);
		fields.put("txid", txid);
		fields.put("amount", String.valueOf(cents));
		fields.put("currency", "EUR");
		fields.put("status", status);
		fields.put("payment_method", "giropay");
		fields.put("created_at", "2026-12-04T10:00:00Z");
		fields.put("hash", sign(List.copyOf(fields.values()), key));
		return fields;
	}

	private int send(Map<String, String> fields) throws Exception {
		String body = fields.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(
				URI.create("http://localhost:" + port + "/api/v1/zahlungen/pmpayment/benachrichtigung"))
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
				HttpResponse.BodyHandlers.ofString());
		return response.statusCode();
	}

	private static String sign(List<String> values, String key) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return java.util.HexFormat.of().formatHex(mac.doFinal(String.join("|", values).getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
