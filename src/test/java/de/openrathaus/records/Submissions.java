// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records;

import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import de.openrathaus.account.AccountId;
import de.openrathaus.account.DepartmentCode;
import de.openrathaus.procedure.ApplicationId;
import de.openrathaus.procedure.ApplicationSubmitted;
import de.openrathaus.procedure.Applications;
import de.openrathaus.records.filing.CaseId;
import de.openrathaus.records.filing.CaseSource;
import de.openrathaus.records.filing.RecordsStore;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.TenantId;

import org.springframework.modulith.test.Scenario;

/** For module tests of records: a dog registration submitted (procedure mocked) and filed. */
public final class Submissions {

	public static final DepartmentCode TAXES = new DepartmentCode("steuern");

	private Submissions() {
	}

	/** Publishes the submission of a new application with one form section and waits for its case. */
	public static CaseId filed(Scenario scenario, Applications applications, RecordsStore store, TenantId tenant,
			ApplicationId application, String reference, Instant submitted) {
		when(applications.details(application)).thenReturn(Optional.of(new Applications.ApplicationDetails(application, reference,
				"hund-anmelden", 1, "Hund anmelden", TAXES, submitted,
				List.of(new Applications.Section("Hund", List.of(new Applications.Entry("Name", "Bello")))), List.of(), List.of())));
		AtomicReference<CaseId> filed = new AtomicReference<>();
		scenario.publish(new ApplicationSubmitted(tenant, application, reference, "hund-anmelden", 1,
				new AccountId(UUID.randomUUID()), TAXES, submitted, null))
			// the first filing after start-up renders the first PDF/A: seconds on a loaded machine
			.customize(wait -> wait.atMost(java.time.Duration.ofSeconds(60)))
			.andWaitForStateChange(() -> TenantContext.callAs(tenant, () -> store.caseBySource(CaseSource.application(application))),
					Optional::isPresent)
			.andVerify(found -> filed.set(found.orElseThrow()));
		return filed.get();
	}
}
