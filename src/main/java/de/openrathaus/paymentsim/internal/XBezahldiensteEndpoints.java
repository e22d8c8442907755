// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.paymentsim.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * XBezahldienste 1.0 as a provider answers it: create a payment transaction (checked as the
 * standard asks: purpose at most 27 characters, 1 to 99 items adding up to the total, a redirect
 * URL) and read its status. No callback, as in the standard.
 */
@RestController
@ConditionalOnBooleanProperty("openrathaus.paymentsim.enabled")
class XBezahldiensteEndpoints {

	static final String BASE = "/api/paymentsim/xbezahldienste/paymenttransaction";

	private final Simulator simulator;

	XBezahldiensteEndpoints(Simulator simulator) {
		this.simulator = simulator;
	}

	@PostMapping(BASE + "/{originatorId}/{endPointId}")
	ResponseEntity<Map<String, Object>> create(@PathVariable String originatorId, @PathVariable String endPointId,
			@RequestBody Map<String, Object> request) {
		if (simulator.down()) {
			return ResponseEntity.status(503).build();
		}
		String problem = problem(request);
		if (problem != null) {
			return ResponseEntity.badRequest().body(Map.of("error", problem));
		}
		URI redirect = URI.create((String) request.get("redirectUrl"));
		String id = UUID.randomUUID().toString();
		SimulatedTransaction transaction = simulator.open(new SimulatedTransaction(id, "xbezahldienste", (String) request.get("requestId"),
				new BigDecimal(String.valueOf(request.get("grosAmount"))).movePointRight(2).longValueExact(),
				(String) request.get("currency"), (String) request.get("purpose"), redirect, null, originatorId + "/" + endPointId,
				request, "INITIAL"));
		// the payment page on the payer's own origin (where the redirect URL points): one site for the browser
		URI page = redirect.resolve("/paymentsim/zahlen/" + id);
		return ResponseEntity.status(201).body(answer(transaction, page));
	}

	@GetMapping(BASE + "/{originatorId}/{endPointId}/{transactionId}")
	ResponseEntity<Map<String, Object>> status(@PathVariable String originatorId, @PathVariable String endPointId,
			@PathVariable String transactionId) {
		if (simulator.down()) {
			return ResponseEntity.status(503).build();
		}
		return simulator.find(transactionId).filter(t -> t.originator().equals(originatorId + "/" + endPointId))
			.map(t -> ResponseEntity.ok(answer(t, t.redirect().resolve("/paymentsim/zahlen/" + t.id()))))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	private static Map<String, Object> answer(SimulatedTransaction t, URI page) {
		Map<String, Object> information = new LinkedHashMap<>();
		information.put("transactionId", t.id());
		information.put("transactionUrl", page.toString());
		information.put("status", t.status());
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("paymentRequest", t.request());
		answer.put("paymentInformation", information);
		return answer;
	}

	private static String problem(Map<String, Object> request) {
		try {
			if (!"EUR".equals(request.get("currency"))) {
				return "currency";
			}
			Object purpose = request.get("purpose");
			if (!(purpose instanceof String p) || p.isBlank() || p.length() > 27) {
				return "purpose";
			}
			if (!(request.get("requestId") instanceof String) || !(request.get("redirectUrl") instanceof String)) {
				return "requestId/redirectUrl";
			}
			if (!(request.get("items") instanceof List<?> items) || items.isEmpty() || items.size() > 99) {
				return "items";
			}
			BigDecimal sum = BigDecimal.ZERO;
			for (Object item : items) {
				if (!(item instanceof Map<?, ?> entry) || !(entry.get("bookingData") instanceof Map<?, ?>)) {
					return "item";
				}
				sum = sum.add(new BigDecimal(String.valueOf(entry.get("totalNetAmount"))))
					.add(new BigDecimal(String.valueOf(entry.get("totalTaxAmount"))));
			}
			BigDecimal total = new BigDecimal(String.valueOf(request.get("grosAmount")));
			if (total.signum() <= 0 || sum.compareTo(total) != 0) {
				return "grosAmount";
			}
			return null;
		}
		catch (NumberFormatException e) {
			return "amount";
		}
	}
}
