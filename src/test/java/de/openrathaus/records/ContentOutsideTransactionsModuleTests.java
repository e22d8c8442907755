// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import de.openrathaus.procedure.ApplicationId;
import de.openrathaus.procedure.Applications;
import de.openrathaus.procedure.DecisionDocuments;
import de.openrathaus.procedure.FiledContents;
import de.openrathaus.records.content.ContentStore;
import de.openrathaus.records.filing.CaseId;
import de.openrathaus.records.filing.CaseSource;
import de.openrathaus.records.filing.Channel;
import de.openrathaus.records.filing.Disposal;
import de.openrathaus.records.filing.DocumentUploads;
import de.openrathaus.records.filing.EFileReading;
import de.openrathaus.records.filing.FileId;
import de.openrathaus.records.filing.Reader;
import de.openrathaus.records.filing.RecordsStore;
import de.openrathaus.records.retention.Retention;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.TenantId;
import de.openrathaus.tenancy.Tenants;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * No storage call inside a database transaction: the content store (object storage in production)
 * is wrapped by one that notes, for every call, whether a transaction was open. The e-file's use
 * cases are walked once each — filing a submission, an upload and a new version, reading a
 * version's content, the online procedure reading a filed content, and destroying a case after its
 * retention — and none of their storage calls may have happened inside a transaction.
 */
@ApplicationModuleTest(extraIncludes = {"tenancy", "operations", "files"})
@Import(ContentOutsideTransactionsModuleTests.Recording.class)
class ContentOutsideTransactionsModuleTests {

	/** One call of the content store and whether a database transaction was open during it. */
	record Call(String method, boolean inTransaction) {
	}

	/** The real content store, with every call noted. */
	static final class RecordingContentStore implements ContentStore {

		final List<Call> calls = new CopyOnWriteArrayList<>();
		private final ContentStore delegate;

		RecordingContentStore(ContentStore delegate) {
			this.delegate = delegate;
		}

		private void note(String method) {
			calls.add(new Call(method, TransactionSynchronizationManager.isActualTransactionActive()));
		}

		@Override
		public String put(byte[] content) {
			note("put");
			return delegate.put(content);
		}

		@Override
		public byte[] get(String sha256) {
			note("get");
			return delegate.get(sha256);
		}

		@Override
		public void delete(String sha256) {
			note("delete");
			delegate.delete(sha256);
		}

		@Override
		public boolean rewrap(String sha256) {
			note("rewrap");
			return delegate.rewrap(sha256);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Recording {

		@Bean
		@Primary
		RecordingContentStore recordingContentStore(@Qualifier("contentStore") ContentStore contentStore) {
			return new RecordingContentStore(contentStore);
		}
	}

	@MockitoBean
	Applications applications;

	@MockitoBean
	DecisionDocuments decisions;

	@Autowired
	RecordingContentStore recording;

	@Autowired
	Tenants tenants;

	@Autowired
	RecordsStore store;

	@Autowired
	DocumentUploads uploads;

	@Autowired
	EFileReading reading;

	@Autowired
	FiledContents filedContents;

	@Autowired
	Retention retention;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void theRecorderNoticesACallInsideATransaction() {
		TenantId tenant = tenants.all().getFirst().id();
		recording.calls.clear();
		TenantContext.runAs(tenant, () -> transactions.executeWithoutResult(tx -> recording.put("im Vorgang".getBytes(StandardCharsets.UTF_8))));
		assertThat(recording.calls).containsExactly(new Call("put", true));
	}

	@Test
	void theEFilesUseCasesCallTheContentStoreOnlyOutsideTransactions(Scenario scenario) {
		TenantId tenant = tenants.all().getFirst().id();
		String marker = Long.toString(System.nanoTime(), 36).toUpperCase();
		recording.calls.clear();

		// filing a submission: the form data's PDF/A is written before the case's transaction
		ApplicationId application = new ApplicationId(UUID.randomUUID());
		CaseId filed = Submissions.filed(scenario, applications, store, tenant, application, "HUND-2026-" + marker, Instant.now());

		Reader clerk = new Reader("Sachbearbeitung", "test", Set.of(Submissions.TAXES));
		TenantContext.runAs(tenant, () -> {
			RecordsStore.RecordCase recordCase = store.recordCase(filed).orElseThrow();
			// a clerk's upload and a new version of it
			var document = uploads.addDocument(recordCase, "Vermerk", "vermerk.txt", ("Vermerk " + marker).getBytes(StandardCharsets.UTF_8),
					"Sachbearbeitung", "test");
			uploads.addVersion(recordCase, document, "vermerk.txt", ("Vermerk, ergänzt " + marker).getBytes(StandardCharsets.UTF_8),
					"Sachbearbeitung", "test");
			// reading a version's content, and the online procedure reading the filed form data
			RecordsStore.Version form = store.versions(filed).stream().filter(v -> v.documentTitle().equals("Antragsdaten")).findFirst()
				.orElseThrow();
			assertThat(reading.content(clerk, form.id(), Channel.PAGE)).isPresent();
			assertThat(filedContents.content(application, form.sha256())).isPresent();
		});

		// a case whose retention has ended is destroyed, its content deleted after the transaction
		CaseId due = TenantContext.callAs(tenant, () -> {
			var content = store.storeContent(("Vertraulich " + marker).getBytes(StandardCharsets.UTF_8));
			return transactions.execute(tx -> {
				String number = "76." + (System.nanoTime() % 900 + 100);
				store.addPlanEntry("76", "Test", null, null, null, List.of());
				store.addPlanEntry(number, "Kurz " + marker, store.planEntryId("76").orElseThrow(), 1, Disposal.DESTROY, List.of());
				FileId file = store.file(store.planEntryId(number).orElseThrow(), "76/" + marker, "Akte " + marker, Submissions.TAXES);
				CaseId c = store.caseFor(file, marker + "-1", "Vorgang " + marker, Submissions.TAXES, CaseSource.api("test:" + marker)).getKey();
				store.addDocument(c, "Vermerk", "vertraulich.txt", "text/plain", content, "Test", Map.of());
				store.close(c);
				jdbc.sql("update records.record_case set closed_at = now() - interval '3 years' where id = ?").param(c.value()).update();
				return c;
			});
		});
		TenantContext.runAs(tenant, () -> {
			retention.list(LocalDate.now(clock).plusDays(1));
			retention.destroy(due, "Registratur", "test");
		});

		assertThat(recording.calls).extracting(Call::method).contains("put", "get", "delete");
		assertThat(recording.calls).filteredOn(Call::inTransaction).isEmpty();
	}
}
