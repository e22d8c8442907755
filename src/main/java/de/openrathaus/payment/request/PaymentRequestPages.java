// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment.request;

import java.net.URI;
import java.util.UUID;

import de.openrathaus.account.SignedInUser;
import de.openrathaus.payment.Payments;
import de.openrathaus.payment.Payments.CheckoutRequest;
import de.openrathaus.web.OnRefusal;
import de.openrathaus.web.Refusal;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The payer's page of a payment request: what, how much, due when, paid or not, and the button that
 * starts the checkout at the municipality's provider (the same as for a fee paid before submission).
 * Only the payer sees it; anyone else gets 404.
 */
@Controller
@PreAuthorize("hasAuthority('portal:use')")
class PaymentRequestPages {

	private final PaymentRequestManagement requests;
	private final Payments payments;

	PaymentRequestPages(PaymentRequestManagement requests, Payments payments) {
		this.requests = requests;
		this.payments = payments;
	}

	@GetMapping(StoredRequest.PAY_PATH + "{id}")
	String show(@PathVariable UUID id, SignedInUser payer, Model model) {
		StoredRequest request = own(id, payer);
		model.addAttribute("request", request.view());
		model.addAttribute("overdue", request.view().overdue(requests.today()));
		model.addAttribute("payments", payments.of(request.subject()));
		return "payment/request";
	}

	@PostMapping(StoredRequest.PAY_PATH + "{id}/bezahlen")
	@OnRefusal(StoredRequest.PAY_PATH + "{id}")
	String pay(@PathVariable UUID id, SignedInUser payer) {
		StoredRequest request = own(id, payer);
		if (request.paid()) {
			return "redirect:" + request.payPath();
		}
		Payments.Checkout checkout = payments.checkout(new CheckoutRequest(request.subject(), request.amount(), request.purpose(),
				request.description(), request.items(), request.payer(), URI.create(request.payPath())));
		return switch (checkout) {
			case Payments.RedirectToProvider redirect -> "redirect:" + redirect.page();
			case Payments.AlreadyPaid paid -> "redirect:" + request.payPath();
			case Payments.ProviderUnavailable unavailable -> throw Refusal.of("payment.request.unavailable");
		};
	}

	private StoredRequest own(UUID id, SignedInUser payer) {
		return requests.find(id).filter(r -> r.payer().equals(payer.id().toString()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}
}
