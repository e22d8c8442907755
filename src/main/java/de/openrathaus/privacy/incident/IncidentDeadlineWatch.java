// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.privacy.incident;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import de.openrathaus.privacy.IncidentDeadlineWarning;
import de.openrathaus.tenancy.Tenant;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.Tenants;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Watches the open breaches' notification deadlines (Art. 33 (1) GDPR) of every municipality: a
 * day before the 72 hours run out, and once they have, it publishes one warning each, in the same
 * transaction that notes it was given (the event publication registry makes it survive a crash).
 * Runs on one node at a time.
 */
@Component
class IncidentDeadlineWatch {

	private final JdbcClient jdbc;
	private final Tenants tenants;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	IncidentDeadlineWatch(JdbcClient jdbc, Tenants tenants, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.tenants = tenants;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	@SchedulerLock(name = "privacy.incident-deadlines", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1S")
	@Scheduled(fixedDelayString = "${openrathaus.privacy.incident-watch-interval:10m}", initialDelayString = "PT1M")
	void watch() {
		warnNow();
	}

	/** Gives the warnings due now in every municipality; returns how many. */
	int warnNow() {
		int warned = 0;
		for (Tenant municipality : tenants.all()) {
			warned += TenantContext.callAs(municipality.id(), () -> transactions.execute(s -> warn(municipality)));
		}
		return warned;
	}

	private record Open(UUID id, Instant awareAt) {
	}

	private int warn(Tenant municipality) {
		Instant now = clock.instant();
		List<Open> open = jdbc.sql("""
				select id, aware_at from privacy.incident
				 where notified_at is null and not_required_reason is null
				   and (warned_due_soon_at is null or warned_overdue_at is null)
				 for update skip locked""")
			.query((rs, row) -> new Open(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant())).list();
		int warned = 0;
		for (Open incident : open) {
			NotificationDeadline deadline = new NotificationDeadline(incident.awareAt());
			NotificationDeadline.State state = deadline.state(now, null, false);
			String column = switch (state) {
				case OVERDUE -> "warned_overdue_at";
				case DUE_SOON -> "warned_due_soon_at";
				default -> null;
			};
			// once overdue, the warning that it is near is not given any more
			String also = state == NotificationDeadline.State.OVERDUE ? ", warned_due_soon_at = coalesce(warned_due_soon_at, now())" : "";
			if (column != null && jdbc.sql("update privacy.incident set " + column + " = ?" + also + " where id = ? and " + column + " is null")
				.params(Timestamp.from(now), incident.id()).update() == 1) {
				events.publishEvent(new IncidentDeadlineWarning(municipality.id(), incident.id(), incident.awareAt(), deadline.due(),
						state == NotificationDeadline.State.OVERDUE));
				warned++;
			}
		}
		return warned;
	}
}
