// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.paymentsim.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The simulated payment page: what is paid and for what, and the payer's choice of outcome,
 * including the awkward ones (notification late or missing) a real provider sometimes produces.
 */
@Controller
@ConditionalOnBooleanProperty("openrathaus.paymentsim.enabled")
class SimulatorPage {

	private final Simulator simulator;
	private final Notifier notifier;

	SimulatorPage(Simulator simulator, Notifier notifier) {
		this.simulator = simulator;
		this.notifier = notifier;
	}

	@GetMapping("/paymentsim/zahlen/{id}")
	String page(@PathVariable String id, Model model) {
		SimulatedTransaction t = simulator.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("transaction", t);
		model.addAttribute("amount", new de.openrathaus.tax.Money(t.amountCents()).format());
		return "paymentsim/page";
	}

	@PostMapping("/paymentsim/zahlen/{id}")
	String choose(@PathVariable String id, @RequestParam("ergebnis") String outcome) {
		SimulatedTransaction t = simulator.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		String status = switch (outcome) {
			case "bezahlt", "bezahlt-spaet", "bezahlt-ohne-nachricht" -> "PAYED";
			case "fehlgeschlagen" -> "FAILED";
			case "abgebrochen" -> "CANCELED";
			default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		};
		simulator.finish(id, status).ifPresent(changed -> {
			if ("pmpayment".equals(changed.protocol())) {
				switch (outcome) {
					case "bezahlt-spaet" -> notifier.notifyLate(changed);
					case "bezahlt-ohne-nachricht" -> {
						// the payer returns, the provider never notifies: only a status query tells
					}
					default -> notifier.notifyNow(changed);
				}
			}
		});
		return "redirect:" + t.redirect();
	}
}
