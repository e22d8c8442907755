// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment.provider;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import de.openrathaus.payment.PaymentId;
import de.openrathaus.tax.Money;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Client of pmPayment (GovConnect): the payer's browser posts a form of fixed fields signed with
 * HMAC-SHA256 to the provider, the provider notifies us server to server, and we confirm every
 * notification with a status query before believing it. Amounts are cents in this protocol.
 */
public final class PmPaymentClient implements PaymentProvider {

	static final String NAME = "pmpayment";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final URI base;
	private final PaymentSettings.PmPayment settings;
	private final HttpJson http;
	private final URI handOverPage;
	private final URI browserBase;

	/**
	 * @param handOverPage our own page that shows the signed form (the payer's browser posts it)
	 * @param browserBase where the payer's browser reaches the provider (the simulator: on the payer's own origin)
	 */
	PmPaymentClient(URI base, PaymentSettings.PmPayment settings, HttpJson http, URI handOverPage, URI browserBase) {
		if (settings.secret().isBlank()) {
			throw new IllegalStateException("pmPayment needs openrathaus.payment...pmpayment.secret");
		}
		this.base = base;
		this.settings = settings;
		this.http = http;
		this.handOverPage = handOverPage;
		this.browserBase = browserBase;
	}

	@Override
	public String name() {
		return NAME;
	}

	/** Nothing goes to the provider yet: the payer's browser creates the payment with the signed form. */
	@Override
	public Created create(Request request) {
		return new Created(request.id().toString(), handOverPage.resolve(request.id().toString()));
	}

	/** The form the payer's browser posts to {@link #paymentPage()}, with its hash. */
	public Map<String, String> form(Request request) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("ags", settings.ags());
		fields.put("amount", String.valueOf(request.amount().cents()));
		fields.put("procedure", settings.procedure());
		fields.put("desc", request.purpose());
		fields.put("txid", request.id().toString());
		fields.put("notifyURL", request.notifyTo().toString());
		fields.put("redirectURL", request.returnTo().toString());
		fields.put("hash", PmPaymentSignature.sign(fields.values(), settings.secret()));
		return fields;
	}

	public URI paymentPage() {
		return URI.create(browserBase.toString().replaceAll("/+$", "") + "/payment/secure");
	}

	/**
	 * Checks a notification's signature and that it names this municipality; answers the fields it
	 * carries. Whether amount and reference match a payment is the ledger's check.
	 */
	public Notification verify(Map<String, String> form) {
		String hash = form.getOrDefault("hash", "");
		String[] signed = {"ags", "txid", "amount", "currency", "status", "payment_method", "created_at"};
		java.util.List<String> values = java.util.Arrays.stream(signed).map(k -> form.getOrDefault(k, "")).toList();
		if (!PmPaymentSignature.matches(values, settings.secret(), hash)) {
			throw new ProviderException("notification signature does not match");
		}
		if (!settings.ags().equals(form.get("ags"))) {
			throw new ProviderException("notification for another originator");
		}
		Money amount;
		try {
			amount = new Money(Long.parseLong(form.getOrDefault("amount", "")));
		}
		catch (NumberFormatException e) {
			throw new ProviderException("notification amount is not in cents", e);
		}
		return new Notification(form.getOrDefault("txid", ""), amount, form.getOrDefault("currency", ""),
				state(form.getOrDefault("status", "")));
	}

	public record Notification(String txid, Money amount, String currency, State state) {
	}

	@Override
	public Reported status(String providerRef, PaymentId id) {
		URI uri = URI.create(base.toString().replaceAll("/+$", "") + "/payment/status/" + enc(settings.ags()) + "/" + enc(providerRef));
		Map<String, String> query = Map.of("ags", settings.ags(), "txid", providerRef);
		HttpRequest get = http.request(URI.create(uri + "?hash=" + enc(PmPaymentSignature.sign(java.util.List.of(query.get("ags"), providerRef), settings.secret()))))
			.header("Accept", "application/json").GET().build();
		JsonNode answer;
		try {
			answer = JSON.readTree(http.send(get));
		}
		catch (RuntimeException e) {
			if (e instanceof ProviderException p) {
				throw p;
			}
			throw new ProviderException("provider answered no JSON", e);
		}
		if (!providerRef.equals(answer.path("txid").asString("")) || !settings.ags().equals(answer.path("ags").asString(""))) {
			throw new ProviderException("status names another payment");
		}
		long cents = answer.path("amount").asLong(-1);
		if (cents < 0) {
			throw new ProviderException("status lacks the amount");
		}
		return new Reported(state(answer.path("status").asString("")), new Money(cents), answer.path("currency").asString(""));
	}

	private static State state(String status) {
		return switch (status) {
			case "1" -> State.PAID;
			case "0" -> State.OPEN;
			case "-1" -> State.FAILED;
			case "-2" -> State.CANCELLED;
			default -> throw new ProviderException("unknown payment status");
		};
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	static String formBody(Map<String, String> fields) {
		return fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
	}
}
