// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.paymentsim.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * pmPayment as a provider answers it: the payer's browser posts the signed form (checked: hash,
 * fields), is sent to the payment page; the status query answers the transaction, signed request only.
 */
@RestController
@ConditionalOnBooleanProperty("openrathaus.paymentsim.enabled")
class PmPaymentEndpoints {

	static final String BASE = "/api/paymentsim/pmpayment/payment";

	private final Simulator simulator;
	private final SimulatorSettings settings;

	PmPaymentEndpoints(Simulator simulator, SimulatorSettings settings) {
		this.simulator = simulator;
		this.settings = settings;
	}

	@PostMapping(path = BASE + "/secure", consumes = "application/x-www-form-urlencoded")
	ResponseEntity<String> start(@RequestParam Map<String, String> form) {
		if (simulator.down()) {
			return ResponseEntity.status(503).build();
		}
		List<String> signed = List.of("ags", "amount", "procedure", "desc", "txid", "notifyURL", "redirectURL").stream()
			.map(k -> form.getOrDefault(k, "")).toList();
		if (!SimulatorSignature.valid(settings.pmpaymentSecret(), signed, form.getOrDefault("hash", ""))) {
			return ResponseEntity.badRequest().body("hash");
		}
		long cents;
		try {
			cents = Long.parseLong(form.get("amount"));
		}
		catch (NumberFormatException e) {
			return ResponseEntity.badRequest().body("amount");
		}
		URI redirect = URI.create(form.get("redirectURL"));
		SimulatedTransaction t = simulator.open(new SimulatedTransaction(form.get("txid"), "pmpayment", form.get("txid"), cents, "EUR",
				form.get("desc"), redirect, URI.create(form.get("notifyURL")), form.get("ags"), null, "INITIAL"));
		return ResponseEntity.status(303).location(redirect.resolve("/paymentsim/zahlen/" + t.id())).build();
	}

	@GetMapping(BASE + "/status/{ags}/{txid}")
	ResponseEntity<Map<String, Object>> status(@PathVariable String ags, @PathVariable String txid, @RequestParam String hash) {
		if (simulator.down()) {
			return ResponseEntity.status(503).build();
		}
		if (!SimulatorSignature.valid(settings.pmpaymentSecret(), List.of(ags, txid), hash)) {
			return ResponseEntity.status(401).build();
		}
		return simulator.find(txid).filter(t -> t.originator().equals(ags))
			.map(t -> ResponseEntity.ok(Map.<String, Object>of("ags", ags, "txid", txid, "amount", t.amountCents(), "currency", t.currency(),
					"status", t.pmStatus())))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}
}
