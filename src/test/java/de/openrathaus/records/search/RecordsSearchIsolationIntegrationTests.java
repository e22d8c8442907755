// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.openrathaus.records.filing.CaseSource;
import de.openrathaus.account.DepartmentCode;
import de.openrathaus.records.filing.VersionId;
import de.openrathaus.records.filing.FileId;
import de.openrathaus.records.filing.CaseId;
import de.openrathaus.records.filing.DocumentId;
import de.openrathaus.records.filing.RecordsStore;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.TenantId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The search vectors live in the one records table without a row-level policy (ADR 10): a search
 * in one municipality must still never find a document of another, even with the same department
 * and the same words.
 */
@SpringBootTest
class RecordsSearchIsolationIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RecordsStore store;

	@Autowired
	RecordsSearch search;

	@Autowired
	TextExtraction extraction;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aSearchFindsOnlyTheDocumentsOfItsOwnMunicipality() {
		String word = "Geheimsache" + Long.toString(System.nanoTime(), 36);
		TenantId cityA = city("a");
		TenantId cityB = city("b");
		VersionId inA = fileDocument(cityA, word + " der Stadt A");
		VersionId inB = fileDocument(cityB, word + " der Stadt B");
		RecordsSearch.Query query = new RecordsSearch.Query(word, null, null, null, null);
		List<VersionId> foundInA = TenantContext.callAs(cityA, () -> search.search(query, List.of(new DepartmentCode("steuern")), 0, 100)).hits().stream()
			.map(RecordsSearch.Hit::version).toList();
		List<VersionId> foundInB = TenantContext.callAs(cityB, () -> search.search(query, List.of(new DepartmentCode("steuern")), 0, 100)).hits().stream()
			.map(RecordsSearch.Hit::version).toList();
		assertThat(foundInA).containsExactly(inA);
		assertThat(foundInB).containsExactly(inB);
		// the unprotected table holds both, so the separation above is the query's doing
		assertThat(jdbc.sql("select count(*) from records.search_entry where version_id in (?, ?)").params(inA.value(), inB.value())
			.query(Integer.class).single()).isEqualTo(2);
	}

	private VersionId fileDocument(TenantId city, String text) {
		return TenantContext.callAs(city, () -> {
			VersionId version = transactions.execute(s -> {
				jdbc.sql("insert into account.department(code, name) values ('steuern', 'Steuern') on conflict do nothing").update();
				store.addPlanEntry("32", "Steuern", null, null, null, List.of());
				FileId file = store.file(store.planEntryId("32").orElseThrow(), "32/1", "Steuerakte", new DepartmentCode("steuern"));
				CaseId recordCase = store.caseFor(file, "S-1", "Vorgang", new DepartmentCode("steuern"), CaseSource.api("test:" + UUID.randomUUID())).getKey();
				DocumentId document = store.addDocument(recordCase, "Vermerk", "vermerk.txt", "text/plain",
						store.storeContent(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "Test", Map.of());
				return store.documentVersions(document).getFirst().id();
			});
			extraction.extract(version);
			return version;
		});
	}

	private TenantId city(String suffix) {
		UUID id = UUID.randomUUID();
		String slug = "suche-" + suffix + "-" + id.toString().substring(0, 8);
		jdbc.sql("insert into tenancy.tenant(id, slug, name) values (?, ?, ?)").params(id, slug, "Stadt " + suffix).update();
		return new TenantId(id);
	}
}
