// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment.provider;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.openrathaus.payment.PaymentId;
import de.openrathaus.payment.Payments.Item;
import de.openrathaus.tax.Money;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Client of the XBezahldienste 1.0 payment transaction API (FITKO/KoSIT): {@code POST
 * /paymenttransaction/{originatorId}/{endPointId}} creates the transaction and answers the page to
 * send the payer to; {@code GET .../{transactionId}} reads its status. The standard has no callback,
 * so the status is only ever learnt by asking. Both answer a payment transaction: the request as sent
 * ({@code paymentRequest}) and what the provider made of it ({@code paymentInformation}: transaction id,
 * page, status). Items carry net and tax amounts per unit and in total; municipal fees are VAT-free.
 * Amounts are decimal euros in the protocol and cents here.
 */
final class XBezahldienstesClient implements PaymentProvider {

	static final String NAME = "xbezahldienste";

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

	private final URI base;
	private final PaymentSettings.XBezahldienste settings;
	private final HttpJson http;
	private final AccessTokens tokens;
	private final Clock clock;

	XBezahldienstesClient(URI base, PaymentSettings.XBezahldienste settings, HttpJson http, AccessTokens tokens, Clock clock) {
		this.base = base;
		this.settings = settings;
		this.http = http;
		this.tokens = tokens;
		this.clock = clock;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Created create(Request request) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("requestId", request.id().toString());
		body.put("requestTimestamp", clock.instant().toString());
		body.put("currency", "EUR");
		body.put("grosAmount", euros(request.amount()));
		body.put("purpose", request.purpose());
		body.put("description", request.description());
		body.put("requestor", Map.of("id", request.payer()));
		List<Map<String, Object>> items = new ArrayList<>();
		int position = 1;
		for (Item item : request.items()) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("id", String.valueOf(position++));
			entry.put("reference", item.reference());
			entry.put("description", item.description());
			// municipal fees carry no VAT: net equals gross, tax nil
			entry.put("taxRate", BigDecimal.ZERO);
			entry.put("quantity", item.quantity());
			entry.put("singleNetAmount", euros(item.unitPrice()));
			entry.put("singleTaxAmount", BigDecimal.ZERO.setScale(2));
			entry.put("totalNetAmount", euros(item.total()));
			entry.put("totalTaxAmount", BigDecimal.ZERO.setScale(2));
			entry.put("bookingData", Map.of("costCentre", item.costCentre(), "account", item.account()));
			items.add(entry);
		}
		body.put("items", items);
		body.put("redirectUrl", request.returnTo().toString());
		HttpRequest post = authorised(http.request(path(settings.originatorId(), settings.endPointId())))
			.header("Content-Type", "application/json").header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
		JsonNode information = parse(http.send(post)).path("paymentInformation");
		String transactionId = text(information, "transactionId");
		String page = text(information, "transactionUrl");
		URI pageUri = URI.create(page);
		if (!"https".equals(pageUri.getScheme()) && !"http".equals(pageUri.getScheme())) {
			throw new ProviderException("payment page is not a web address");
		}
		return new Created(transactionId, pageUri);
	}

	@Override
	public Reported status(String providerRef, PaymentId id) {
		HttpRequest get = authorised(http.request(path(settings.originatorId(), settings.endPointId(), providerRef)))
			.header("Accept", "application/json").GET().build();
		JsonNode answer = parse(http.send(get));
		JsonNode information = answer.path("paymentInformation");
		String status = information.path("status").asString("");
		State state = switch (status) {
			case "INITIAL" -> State.OPEN;
			case "PAYED" -> State.PAID;
			case "FAILED" -> State.FAILED;
			case "CANCELED" -> State.CANCELLED;
			default -> throw new ProviderException("unknown payment status");
		};
		JsonNode request = answer.path("paymentRequest");
		if (!id.toString().equals(request.path("requestId").asString(""))) {
			throw new ProviderException("status names another payment");
		}
		Money amount = cents(request.path("grosAmount").asString(""));
		return new Reported(state, amount, request.path("currency").asString(""));
	}

	private HttpRequest.Builder authorised(HttpRequest.Builder request) {
		if ("oauth2".equals(settings.auth())) {
			request.header("Authorization", "Bearer " + tokens.token());
		}
		return request;
	}

	private URI path(String... segments) {
		StringBuilder path = new StringBuilder(base.toString().replaceAll("/+$", "")).append("/paymenttransaction");
		for (String segment : segments) {
			path.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
		}
		return URI.create(path.toString());
	}

	private static JsonNode parse(String body) {
		try {
			return JSON.readTree(body);
		}
		catch (RuntimeException e) {
			throw new ProviderException("provider answered no JSON", e);
		}
	}

	private static String text(JsonNode node, String field) {
		String value = node.path(field).asString("");
		if (value.isBlank()) {
			throw new ProviderException("provider answer lacks " + field);
		}
		return value;
	}

	static BigDecimal euros(Money money) {
		return BigDecimal.valueOf(money.cents(), 2);
	}

	static Money cents(String euros) {
		try {
			return new Money(new BigDecimal(euros).movePointRight(2).longValueExact());
		}
		catch (ArithmeticException | NumberFormatException e) {
			throw new ProviderException("amount is not in cents", e);
		}
	}
}
