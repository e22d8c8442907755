// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;

import de.openrathaus.procedure.ApplicationId;
import de.openrathaus.procedure.ApplicationWithdrawn;
import de.openrathaus.procedure.Applications;
import de.openrathaus.procedure.DecisionDocuments;
import de.openrathaus.records.Submissions;
import de.openrathaus.records.filing.CaseId;
import de.openrathaus.records.filing.CaseStatus;
import de.openrathaus.records.filing.RecordsStore;
import de.openrathaus.tenancy.MunicipalClock;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.TenantId;
import de.openrathaus.tenancy.Tenants;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The municipality's clock decides what is due: the test replaces the one {@link Clock} bean and
 * moves it to the last day before a withdrawn application's case comes due and to the day it does.
 */
@ApplicationModuleTest(extraIncludes = {"tenancy", "operations", "files"})
class RetentionModuleTests {

	/** A clock the test moves; everything else about it is the municipality's. */
	static final class SettableClock extends Clock {

		private volatile Instant now = Instant.now();

		@Override
		public ZoneId getZone() {
			return MunicipalClock.ZONE;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException("the municipality's clock stays in " + MunicipalClock.ZONE);
		}

		@Override
		public Instant instant() {
			return now;
		}

		void set(LocalDate day) {
			now = day.atTime(8, 0).atZone(MunicipalClock.ZONE).toInstant();
		}
	}

	static final SettableClock CLOCK = new SettableClock();

	@TestBean
	Clock clock;

	static Clock clock() {
		return CLOCK;
	}

	@MockitoBean
	Applications applications;

	@MockitoBean
	DecisionDocuments decisions;

	@Autowired
	Tenants tenants;

	@Autowired
	RecordsStore store;

	@Autowired
	Retention retention;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aWithdrawnApplicationsCaseComesDueOnTheFirstOfJanuaryAfterItsRetentionYears(Scenario scenario) {
		TenantId tenant = tenants.all().getFirst().id();
		ApplicationId application = new ApplicationId(UUID.randomUUID());
		CLOCK.set(LocalDate.now(MunicipalClock.ZONE));
		CaseId caseId = Submissions.filed(scenario, applications, store, tenant, application, "HUND-2026-000901", Instant.now());
		scenario.publish(new ApplicationWithdrawn(tenant, application, "HUND-2026-000901", Instant.now()))
			.andWaitForStateChange(() -> TenantContext.callAs(tenant, () -> store.recordCase(caseId).orElseThrow().status()),
					CaseStatus.CLOSED::equals);

		// closed this year; the file plan keeps dog tax cases ten years after the end of that year
		LocalDate due = LocalDate.of(ZonedDateTime.now(MunicipalClock.ZONE).getYear() + 11, 1, 1);
		CLOCK.set(due.minusDays(1));
		retention.daily();
		assertThat(TenantContext.callAs(tenant, retention::due)).noneMatch(d -> d.caseId().equals(caseId));

		CLOCK.set(due);
		retention.daily();
		assertThat(TenantContext.callAs(tenant, retention::due)).filteredOn(d -> d.caseId().equals(caseId)).singleElement()
			.satisfies(d -> assertThat(d.dueOn()).isEqualTo(due));
	}

	@Test
	void theAuditTrailTakesItsTimeFromTheMunicipalClock(Scenario scenario) {
		TenantId tenant = tenants.all().getFirst().id();
		CLOCK.set(LocalDate.of(2031, 5, 12));
		String reference = "HUND-2031-" + UUID.randomUUID().toString().substring(0, 6);
		CaseId caseId = Submissions.filed(scenario, applications, store, tenant, new ApplicationId(UUID.randomUUID()), reference, Instant.now());
		assertThat(caseId).isNotNull();
		Instant filed = TenantContext.callAs(tenant, () -> jdbc.sql("select at from records.audit_entry where action = 'FILED' and object = ?")
			.param("case " + reference).query(java.sql.Timestamp.class).single().toInstant());
		assertThat(filed).isEqualTo(CLOCK.instant());
	}
}
