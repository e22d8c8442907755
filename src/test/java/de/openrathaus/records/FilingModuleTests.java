// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import de.openrathaus.account.AccountId;
import de.openrathaus.account.DepartmentCode;
import de.openrathaus.procedure.ApplicationId;
import de.openrathaus.procedure.ApplicationSubmitted;
import de.openrathaus.procedure.Applications;
import de.openrathaus.procedure.DecisionDocuments;
import de.openrathaus.records.filing.CaseSource;
import de.openrathaus.records.filing.CaseStatus;
import de.openrathaus.records.filing.RecordsStore;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.TenantId;
import de.openrathaus.tenancy.Tenants;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The e-file module on its own (with the tenancy, database and file modules it stands on), the
 * procedure module replaced by its API: an application submitted in, a case in the e-file out.
 */
@ApplicationModuleTest(extraIncludes = {"tenancy", "operations", "files"})
class FilingModuleTests {

	@MockitoBean
	Applications applications;

	@MockitoBean
	DecisionDocuments decisions;

	@Autowired
	Tenants tenants;

	@Autowired
	RecordsStore store;

	@Test
	void aSubmittedApplicationIsFiledAsAnOpenCase(Scenario scenario) {
		TenantId tenant = tenants.all().getFirst().id();
		ApplicationId application = new ApplicationId(UUID.randomUUID());
		DepartmentCode taxes = new DepartmentCode("steuern");
		Instant submitted = Instant.parse("2026-03-02T09:15:00Z");
		when(applications.details(application)).thenReturn(Optional.of(new Applications.ApplicationDetails(application,
				"HUND-2026-000777", "hund-anmelden", 1, "Hund anmelden", taxes, submitted,
				List.of(new Applications.Section("Hund", List.of(new Applications.Entry("Name", "Bello")))), List.of(), List.of())));

		scenario.publish(new ApplicationSubmitted(tenant, application, "HUND-2026-000777", "hund-anmelden", 1,
				new AccountId(UUID.randomUUID()), taxes, submitted, null))
			.andWaitForStateChange(() -> TenantContext.callAs(tenant,
					() -> store.caseBySource(CaseSource.application(application)).flatMap(store::recordCase)), Optional::isPresent)
			.andVerify(filed -> {
				RecordsStore.RecordCase recordCase = filed.orElseThrow();
				assertThat(recordCase.reference()).isEqualTo("HUND-2026-000777");
				assertThat(recordCase.department()).isEqualTo(taxes);
				assertThat(recordCase.status()).isEqualTo(CaseStatus.OPEN);
				assertThat(TenantContext.callAs(tenant, () -> store.file(recordCase.file()).orElseThrow().reference())).isEqualTo("32.40/2026");
				verify(applications).filed(eq(application), any());
			});
	}
}
