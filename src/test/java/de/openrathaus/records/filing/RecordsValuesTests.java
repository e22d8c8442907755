// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import de.openrathaus.account.DepartmentCode;
import de.openrathaus.procedure.ApplicationId;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** The typed values of the e-file keep the stored text and the JSON of the API exactly as they were. */
class RecordsValuesTests {

	@Test
	void aCaseSourceReadsBackWhatItStores() {
		ApplicationId application = ApplicationId.random();
		CaseSource filed = CaseSource.application(application);
		assertThat(filed.stored()).isEqualTo("application:" + application.value());
		assertThat(CaseSource.parse(filed.stored())).contains(filed);
		assertThat(filed.application()).contains(application);

		assertThat(CaseSource.api("32.40/HUND-1").stored()).isEqualTo("api:32.40/HUND-1");
		assertThat(CaseSource.parse("api:test:XY")).contains(CaseSource.api("test:XY"));
		assertThat(CaseSource.api("32.40/HUND-1").application()).isEmpty();
		assertThat(CaseSource.demo("DEMO-RAT-1994-03").stored()).isEqualTo("demo:DEMO-RAT-1994-03");

		assertThat(CaseSource.parse("unknown:x")).isEmpty();
		assertThat(CaseSource.parse("no colon")).isEmpty();
	}

	@Test
	void statusAndDisposalAcceptOnlyTheirExactNames() {
		assertThat(CaseStatus.of("OPEN")).contains(CaseStatus.OPEN);
		assertThat(CaseStatus.of("CLOSED")).contains(CaseStatus.CLOSED);
		assertThat(CaseStatus.of("open")).isEmpty();
		assertThat(CaseStatus.of("OPEN ")).isEmpty();
		assertThat(Disposal.of("DESTROY")).contains(Disposal.DESTROY);
		assertThat(Disposal.of("ARCHIVE")).contains(Disposal.ARCHIVE);
		assertThat(Disposal.of("destroy")).isEmpty();
	}

	@Test
	void idsAndDepartmentsAreThePlainValuesInJsonAndText() {
		UUID id = UUID.randomUUID();
		assertThat(CaseId.of(id.toString())).isEqualTo(new CaseId(id));
		assertThat(new VersionId(id)).hasToString(id.toString());
		RecordsStore.RecordCase recordCase = new RecordsStore.RecordCase(new CaseId(id), new FileId(id), "HUND-1", "Bello",
				new DepartmentCode("steuern"), CaseStatus.OPEN, Instant.parse("2026-11-29T10:00:00Z"), null);
		String json = JsonMapper.builder().build().writeValueAsString(recordCase);
		assertThat(json).contains("\"id\":\"" + id + "\"").contains("\"file\":\"" + id + "\"").contains("\"department\":\"steuern\"")
			.contains("\"status\":\"OPEN\"");
	}

	@Test
	void aPlanEntryIdIsThePlainUuidInJsonAndText() {
		UUID id = UUID.randomUUID();
		UUID parent = UUID.randomUUID();
		assertThat(PlanEntryId.of(id.toString())).isEqualTo(new PlanEntryId(id)).hasToString(id.toString());
		RecordsStore.PlanEntry entry = new RecordsStore.PlanEntry(new PlanEntryId(id), "32.40", "Hundesteuer", new PlanEntryId(parent), 10,
				Disposal.DESTROY, java.util.List.of("hund-anmelden"));
		String json = JsonMapper.builder().build().writeValueAsString(entry);
		assertThat(json).contains("\"id\":\"" + id + "\"").contains("\"parent\":\"" + parent + "\"");
	}
}
