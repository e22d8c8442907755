// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment.ledger;

import de.openrathaus.tenancy.Tenant;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.Tenants;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * XBezahldienste has no callback and a pmPayment notification may never come: every open payment
 * is asked about in the background until it is final, so a payer who closed the browser after
 * paying still gets a paid, submitted application.
 */
@Component
class PaymentPolling {

	private static final Logger log = LoggerFactory.getLogger(PaymentPolling.class);

	private final PaymentManagement payments;
	private final Tenants tenants;

	PaymentPolling(PaymentManagement payments, Tenants tenants) {
		this.payments = payments;
		this.tenants = tenants;
	}

	@SchedulerLock(name = "payment.polling", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1S")
	@Scheduled(fixedDelayString = "${openrathaus.payment.poll-interval:30s}", initialDelayString = "${openrathaus.payment.poll-interval:30s}")
	void pollOpenPayments() {
		for (Tenant tenant : tenants.all()) {
			try {
				TenantContext.runAs(tenant.id(), payments::pollDue);
			}
			catch (RuntimeException e) {
				log.warn("Payment poll of {} failed: {}", tenant.slug(), e.getClass().getSimpleName());
			}
		}
	}
}
