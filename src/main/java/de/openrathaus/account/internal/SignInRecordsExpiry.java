// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.time.Clock;
import java.sql.Timestamp;
import java.time.Instant;

import de.openrathaus.tenancy.Tenant;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.Tenants;

import org.springframework.jdbc.core.simple.JdbcClient;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets sign-in failures a day after the last one and request counts of past hours. Without this,
 * failed sign-ins for invented addresses would grow the tables without bound; the records also hold
 * client IP addresses, which are personal data and kept no longer than they serve.
 * Idempotent: every node may run it.
 */
@Component
class SignInRecordsExpiry {

	private final JdbcClient jdbc;
	private final Tenants tenants;
	private final Clock clock;

	SignInRecordsExpiry(JdbcClient jdbc, Tenants tenants, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.tenants = tenants;
	}

	@SchedulerLock(name = "account.sign-in-records.expire", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	void hourly() {
		for (Tenant tenant : tenants.all()) {
			TenantContext.runAs(tenant.id(), () -> forget(clock.instant()));
		}
	}

	/** Removes what no longer counts at this moment; returns the number of rows removed. */
	int forget(Instant now) {
		int throttles = jdbc.sql("delete from account.sign_in_throttle where last_failure_at < ? and (blocked_until is null or blocked_until < ?)")
			.params(Timestamp.from(now.minus(SignInThrottle.MEMORY)), Timestamp.from(now)).update();
		int quotas = jdbc.sql("delete from account.request_quota where window_start < ?")
			.param(Timestamp.from(now.minus(RequestQuota.WINDOW))).update();
		return throttles + quotas;
	}
}
