// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment.request;

import de.openrathaus.tenancy.Tenant;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.Tenants;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds payers of requests unpaid after their due date, every municipality in turn. Safe to run on
 * several instances at once and as often as wanted: a stage is sent by whoever moves it on first.
 */
@Component
class PaymentReminders {

	private static final Logger log = LoggerFactory.getLogger(PaymentReminders.class);

	private final PaymentRequestManagement requests;
	private final Tenants tenants;

	PaymentReminders(PaymentRequestManagement requests, Tenants tenants) {
		this.requests = requests;
		this.tenants = tenants;
	}

	@SchedulerLock(name = "payment.reminders", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1S")
	@Scheduled(fixedDelayString = "${openrathaus.payment.requests.reminder-interval:1h}",
			initialDelayString = "${openrathaus.payment.requests.reminder-interval:1h}")
	void remind() {
		for (Tenant tenant : tenants.all()) {
			try {
				int sent = TenantContext.callAs(tenant.id(), requests::remindDue);
				if (sent > 0) {
					log.info("Payment reminders for {}: {} sent", tenant.slug(), sent);
				}
			}
			catch (RuntimeException e) {
				log.warn("Payment reminders of {} failed: {}", tenant.slug(), e.getClass().getSimpleName());
			}
		}
	}
}
