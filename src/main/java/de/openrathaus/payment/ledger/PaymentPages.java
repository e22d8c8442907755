// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment.ledger;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import de.openrathaus.account.SignedInUser;
import de.openrathaus.payment.PaymentId;
import de.openrathaus.payment.PaymentStatus;
import de.openrathaus.payment.provider.PaymentProvider;
import de.openrathaus.payment.provider.PmPaymentClient;
import de.openrathaus.payment.provider.Providers;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The payer's pages: the return from the provider (the status is asked at once, then the payer goes
 * back to where the payment was started) and, for pmPayment, the hand-over of the signed form.
 * Only the payer sees their payment; anyone else gets 404.
 */
@Controller
@PreAuthorize("hasAuthority('portal:use')")
class PaymentPages {

	private final PaymentManagement payments;
	private final Providers providers;

	PaymentPages(PaymentManagement payments, Providers providers) {
		this.payments = payments;
		this.providers = providers;
	}

	@GetMapping("/zahlung/{id}/rueckkehr")
	String returned(@PathVariable PaymentId id, SignedInUser payer) {
		Payment payment = own(id, payer);
		payments.refresh(id);
		return "redirect:" + payment.returnTo();
	}

	@GetMapping(Providers.HAND_OVER_PATH + "{id}")
	String handOver(@PathVariable PaymentId id, SignedInUser payer, Model model, HttpServletResponse response) {
		Payment payment = own(id, payer);
		if (payment.status() != PaymentStatus.PENDING) {
			return "redirect:" + payment.returnTo();
		}
		PmPaymentClient client = providers.currentPmPayment().orElseThrow(() -> new ResponseStatusException(
				org.springframework.http.HttpStatus.NOT_FOUND));
		Map<String, String> form = client.form(new PaymentProvider.Request(payment.id(), payment.amount(), payment.purpose(),
				payment.description(), java.util.List.of(), payment.payer(),
				org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath()
					.path("/zahlung/{id}/rueckkehr").buildAndExpand(id).toUri(),
				org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath()
					.path(PaymentWebSecurity.NOTIFICATION).build().toUri()));
		java.net.URI target = client.paymentPage();
		// the page posts to the provider: this page alone may send a form there
		response.setHeader("Content-Security-Policy", "default-src 'self'; style-src 'self'; script-src 'self'; object-src 'none'; "
				+ "base-uri 'self'; frame-ancestors 'none'; form-action 'self'"
				+ (target.isAbsolute() ? " " + target.getScheme() + "://" + target.getAuthority() : ""));
		model.addAttribute("payment", payment.view());
		model.addAttribute("fields", form);
		model.addAttribute("target", target);
		return "payment/hand-over";
	}

	private Payment own(PaymentId id, SignedInUser payer) {
		return payments.payment(id).filter(p -> p.payer().equals(payer.id().toString()))
			.orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
	}
}
