// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.filing;

import java.util.Optional;
import java.util.UUID;

import de.openrathaus.account.DepartmentCode;
import de.openrathaus.records.audit.AuditAction;
import de.openrathaus.records.audit.AuditTrail;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A department's software opens files and cases in the e-file (cases of online applications are
 * opened by {@link Filing}). References are unique per municipality: a taken one creates nothing.
 * Each creation is audited in its own transaction.
 */
@Service
public class NewFilesAndCases {

	private final RecordsStore store;
	private final AuditTrail audit;

	NewFilesAndCases(RecordsStore store, AuditTrail audit) {
		this.store = store;
		this.audit = audit;
	}

	/** A new file under a plan entry in one of the reader's departments; empty if the reference is taken. */
	@Transactional
	public Optional<RecordsStore.RecordFile> openFile(Reader reader, PlanEntryId planEntry, String reference, String title, DepartmentCode department,
			Channel channel) {
		if (!reader.sees(department)) {
			throw new IllegalArgumentException("not a department of the reader");
		}
		return store.createFile(planEntry, reference, title, department).map(file -> {
			audit.record(reader.name(), AuditAction.FILE_CREATED, channel.describe("file " + reference), reader.origin());
			return store.file(file).orElseThrow();
		});
	}

	/** What opening a case came to. */
	public sealed interface CaseOpening {
	}

	public record Opened(RecordsStore.RecordCase recordCase) implements CaseOpening {
	}

	/** The reference belongs to another case already. */
	public record ReferenceTaken() implements CaseOpening {
	}

	/** No such file among the reader's. */
	public record NoFile() implements CaseOpening {
	}

	/** A new case in one of the reader's files, its source the department's own reference. */
	@Transactional
	public CaseOpening openCase(Reader reader, FileId fileId, String reference, String title, Channel channel) {
		Optional<RecordsStore.RecordFile> file = store.file(fileId).filter(f -> reader.sees(f.department()));
		if (file.isEmpty()) {
			return new NoFile();
		}
		if (store.caseReferenceTaken(reference)) {
			return new ReferenceTaken();
		}
		var created = store.caseFor(fileId, reference, title, file.get().department(), CaseSource.api(reference));
		if (!created.getValue()) {
			return new ReferenceTaken();
		}
		audit.record(reader.name(), AuditAction.CASE_CREATED, channel.describe("case " + reference), reader.origin());
		return new Opened(store.recordCase(created.getKey()).orElseThrow());
	}
}
