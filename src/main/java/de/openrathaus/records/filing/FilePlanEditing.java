// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.filing;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import de.openrathaus.records.audit.AuditAction;
import de.openrathaus.records.audit.AuditTrail;
import de.openrathaus.web.Refusal;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The records manager maintains the file plan: new subjects under existing ones, titles, retention
 * periods and what happens at their end, and which procedure types are filed under an entry. A number
 * never changes once given (files carry it in their reference); an entry is never deleted, because
 * files and destruction records refer to it. Every change is audited.
 */
@Service
public class FilePlanEditing {

	static final int MAX_RETENTION = 200;

	private final RecordsStore store;
	private final AuditTrail audit;

	FilePlanEditing(RecordsStore store, AuditTrail audit) {
		this.store = store;
		this.audit = audit;
	}

	/** What the records manager entered, before checking. */
	public record Entry(@Nullable String number, @Nullable String title, @Nullable String retentionYears, @Nullable String disposal,
			@Nullable String procedureTypes) {
	}


	@Transactional
	public PlanEntryId add(Entry entry, String actor, String origin) {
		String number = entry.number() == null ? "" : entry.number().strip();
		if (!number.matches("[0-9]{1,3}(\\.[0-9]{1,3}){0,5}")) {
			throw Refusal.of("records.plan.edit.invalid.number");
		}
		if (store.planEntryId(number).isPresent()) {
			throw Refusal.conflict("records.plan.edit.invalid.exists");
		}
		PlanEntryId parent = null;
		int dot = number.lastIndexOf('.');
		if (dot > 0) {
			parent = store.planEntryId(number.substring(0, dot)).orElseThrow(() -> Refusal.of("records.plan.edit.invalid.noParent"));
		}
		Checked checked = check(entry, null);
		PlanEntryId id = store.insertPlanEntry(number, checked.title(), parent, checked.retention(), checked.disposal(), checked.procedureTypes());
		audit.record(actor, AuditAction.PLAN_ENTRY_ADDED, "file plan entry " + number + " " + checked.title() + describe(checked), origin);
		return id;
	}

	@Transactional
	public void change(PlanEntryId id, Entry entry, String actor, String origin) {
		RecordsStore.PlanEntry existing = store.plan().stream().filter(p -> p.id().equals(id)).findFirst()
			.orElseThrow(() -> Refusal.of("records.plan.edit.invalid.unknown"));
		Checked checked = check(entry, id);
		store.changePlanEntry(id, checked.title(), checked.retention(), checked.disposal(), checked.procedureTypes());
		audit.record(actor, AuditAction.PLAN_ENTRY_CHANGED, "file plan entry " + existing.number() + " " + checked.title() + describe(checked), origin);
	}

	private record Checked(String title, @Nullable Integer retention, @Nullable Disposal disposal, List<String> procedureTypes) {
	}

	private Checked check(Entry entry, @Nullable PlanEntryId self) {
		String title = entry.title() == null ? "" : entry.title().strip();
		if (title.isEmpty() || title.length() > 200) {
			throw Refusal.of("records.plan.edit.invalid.title");
		}
		Integer retention = null;
		if (entry.retentionYears() != null && !entry.retentionYears().isBlank()) {
			try {
				retention = Integer.valueOf(entry.retentionYears().strip());
			}
			catch (NumberFormatException e) {
				throw Refusal.of("records.plan.edit.invalid.retention");
			}
			if (retention < 0 || retention > MAX_RETENTION) {
				throw Refusal.of("records.plan.edit.invalid.retention");
			}
		}
		Disposal disposal = entry.disposal() == null || entry.disposal().isBlank() ? null
				: Disposal.of(entry.disposal().strip()).orElseThrow(() -> Refusal.of("records.plan.edit.invalid.disposal"));
		if ((retention == null) != (disposal == null)) {
			throw Refusal.of("records.plan.edit.invalid.retentionAndDisposal");
		}
		List<String> types = entry.procedureTypes() == null ? List.of()
				: Arrays.stream(entry.procedureTypes().split("[,\\s]+")).map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
		for (String type : types) {
			if (!type.matches("[a-z0-9-]{2,60}")) {
				throw Refusal.of("records.plan.edit.invalid.procedureType");
			}
			// a procedure's submissions are filed under exactly one entry
			Optional<String> elsewhere = store.planEntryTaking(type, self);
			if (elsewhere.isPresent()) {
				throw Refusal.conflict("records.plan.edit.invalid.procedureTaken", type + " → " + elsewhere.get());
			}
		}
		return new Checked(title, retention, disposal, types);
	}

	private static String describe(Checked checked) {
		return (checked.retention() == null ? "" : ", " + checked.retention() + " years then " + checked.disposal())
				+ (checked.procedureTypes().isEmpty() ? "" : ", procedures " + String.join(" ", checked.procedureTypes()));
	}

	public List<RecordsStore.PlanEntry> plan() {
		return store.plan();
	}
}
