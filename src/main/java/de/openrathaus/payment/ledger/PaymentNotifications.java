// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment.ledger;

import java.util.Map;

import de.openrathaus.payment.PaymentStatus;
import de.openrathaus.payment.provider.PaymentProvider.ProviderException;
import de.openrathaus.payment.provider.PmPaymentClient;
import de.openrathaus.payment.provider.PmPaymentClient.Notification;
import de.openrathaus.payment.provider.Providers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * pmPayment's server-to-server notification. Believed only in steps: the HMAC and the originator
 * must match, the reference must name one of our pmPayment payments, amount and currency must be
 * that payment's; even then the state is taken from a status query, never from the notification.
 * A replay finds the payment final and changes nothing. Every notification is in the payment's history.
 */
@RestController
class PaymentNotifications {

	private static final Logger log = LoggerFactory.getLogger(PaymentNotifications.class);

	private final PaymentManagement payments;
	private final Providers providers;

	PaymentNotifications(PaymentManagement payments, Providers providers) {
		this.payments = payments;
		this.providers = providers;
	}

	@PostMapping(path = PaymentWebSecurity.NOTIFICATION, consumes = "application/x-www-form-urlencoded")
	ResponseEntity<String> notified(@RequestParam Map<String, String> form) {
		PmPaymentClient client = providers.currentPmPayment().orElse(null);
		if (client == null) {
			payments.recordNotification(null, "NOTIFICATION_REFUSED", "no pmPayment configured");
			return ResponseEntity.status(404).body("unknown");
		}
		Notification notification;
		try {
			notification = client.verify(form);
		}
		catch (ProviderException e) {
			log.warn("pmPayment notification refused: {}", e.getMessage());
			payments.recordNotification(null, "NOTIFICATION_REFUSED", e.getMessage());
			return ResponseEntity.badRequest().body("refused");
		}
		Payment payment = payments.byProviderRef(client.name(), notification.txid()).orElse(null);
		if (payment == null) {
			payments.recordNotification(null, "NOTIFICATION_REFUSED", "unknown reference");
			return ResponseEntity.badRequest().body("refused");
		}
		if (!notification.amount().equals(payment.amount()) || !"EUR".equals(notification.currency())) {
			log.warn("pmPayment notification for {} refused: amount or currency differs", payment.id());
			payments.recordNotification(payment.id(), "NOTIFICATION_REFUSED",
					"amount " + notification.amount().cents() + " " + notification.currency());
			return ResponseEntity.badRequest().body("refused");
		}
		if (payment.status().isFinal()) {
			payments.recordNotification(payment.id(), "NOTIFICATION_REPLAYED", payment.status().name());
			return ResponseEntity.ok("ok");
		}
		payments.recordNotification(payment.id(), "NOTIFICATION_ACCEPTED", notification.state().name());
		PaymentStatus now = payments.refresh(payment.id()).status();
		log.info("pmPayment notification for {}: status query says {}", payment.id(), now);
		return ResponseEntity.ok("ok");
	}
}
