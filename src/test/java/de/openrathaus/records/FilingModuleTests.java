// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.util.UUID;

import de.openrathaus.procedure.ApplicationId;
import de.openrathaus.procedure.Applications;
import de.openrathaus.procedure.DecisionDocuments;
import de.openrathaus.records.filing.CaseId;
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
		CaseId filed = Submissions.filed(scenario, applications, store, tenant, application, "HUND-2026-000777",
				Instant.parse("2026-03-02T09:15:00Z"));

		RecordsStore.RecordCase recordCase = TenantContext.callAs(tenant, () -> store.recordCase(filed)).orElseThrow();
		assertThat(recordCase.reference()).isEqualTo("HUND-2026-000777");
		assertThat(recordCase.department()).isEqualTo(Submissions.TAXES);
		assertThat(recordCase.status()).isEqualTo(CaseStatus.OPEN);
		assertThat(TenantContext.callAs(tenant, () -> store.file(recordCase.file()).orElseThrow().reference())).isEqualTo("32.40/2026");
		verify(applications).filed(eq(application), any());
	}
}
