// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.catalogue.internal;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import de.openrathaus.account.AccountId;
import de.openrathaus.account.SignedInUser;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.TenantId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spreadsheet imports as jobs with visible progress: read, check every cell, then store all rows
 * in one transaction, or nothing at all when any cell is wrong. Jobs live in memory for an hour;
 * an import interrupted by a restart has stored nothing and is simply uploaded again.
 */
@Component
class CatalogueImports {

	private static final Logger log = LoggerFactory.getLogger(CatalogueImports.class);

	/** Problems are listed in the language of the spreadsheet's column titles ({@link Workbooks}), which is German. */
	private static final Locale SPREADSHEET_LANGUAGE = Locale.GERMAN;

	enum Phase {
		READING, CHECKING, SAVING, DONE, REJECTED
	}

	/** The state of an import, read by the progress page while the job runs. */
	static final class Job {

		final UUID id = UUID.randomUUID();
		final TenantId tenant;
		final AccountId owner;
		final String filename;
		final Instant started;
		volatile Phase phase = Phase.READING;
		volatile int total;
		volatile int done;
		volatile List<Workbooks.Problem> problems = List.of();
		volatile int created;
		volatile int changed;
		volatile int unchanged;

		Job(TenantId tenant, AccountId owner, String filename, Instant started) {
			this.started = started;
			this.tenant = tenant;
			this.owner = owner;
			this.filename = filename;
		}

		public Phase getPhase() {
			return phase;
		}

		public int percent() {
			return total == 0 ? 0 : Math.min(100, done * 100 / total);
		}

		public boolean finished() {
			return phase == Phase.DONE || phase == Phase.REJECTED;
		}

		public UUID getId() {
			return id;
		}

		public String getFilename() {
			return filename;
		}

		public int getTotal() {
			return total;
		}

		public int getDone() {
			return done;
		}

		public List<Workbooks.Problem> getProblems() {
			return problems;
		}

		public int getCreated() {
			return created;
		}

		public int getChanged() {
			return changed;
		}

		public int getUnchanged() {
			return unchanged;
		}
	}

	private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();
	private final Catalogue catalogue;
	private final ProcessStore store;
	private final TransactionTemplate transactions;
	private final TaskExecutor executor;
	private final CatalogueForm form;
	private final java.time.Clock clock;

	CatalogueImports(Catalogue catalogue, ProcessStore store, TransactionTemplate transactions,
			@org.springframework.beans.factory.annotation.Qualifier("applicationTaskExecutor") TaskExecutor executor, CatalogueForm form, java.time.Clock clock) {
		this.clock = clock;
		this.form = form;
		this.catalogue = catalogue;
		this.store = store;
		this.transactions = transactions;
		this.executor = executor;
	}

	Job start(SignedInUser user, String filename, byte[] content) {
		Instant now = clock.instant();
		jobs.values().removeIf(j -> j.started.isBefore(now.minusSeconds(3600)));
		Job job = new Job(user.tenant(), user.id(), filename, now);
		jobs.put(job.id, job);
		executor.execute(() -> TenantContext.runAs(job.tenant, () -> run(job, user, content)));
		return job;
	}

	Optional<Job> find(SignedInUser user, UUID id) {
		return Optional.ofNullable(jobs.get(id)).filter(j -> j.owner.equals(user.id()) && j.tenant.equals(user.tenant()));
	}

	/** Runs an import in the calling thread (for benchmarks and the job executor). */
	void run(Job job, SignedInUser user, byte[] content) {
		try {
			Workbooks.Reading reading = Workbooks.read(new ByteArrayInputStream(content));
			if (reading.rows().isEmpty()) {
				reject(job, reading.problems());
				return;
			}
			job.phase = Phase.CHECKING;
			job.total = reading.rows().size() * 2;
			Set<String> departments = catalogue.departmentCodes();
			Set<String> procedures = catalogue.procedureTypes();
			List<Workbooks.Problem> problems = new ArrayList<>(reading.problems());
			List<Map<ProcessField, Object>> checked = new ArrayList<>();
			Map<String, Integer> seen = new HashMap<>();
			String sheet = Workbooks.SHEET;
			for (Workbooks.RawRow row : reading.rows()) {
				ProcessValues.Result result = ProcessValues.read(row.values(), departments, procedures);
				for (ProcessValues.Problem p : result.problems()) {
					problems.add(new Workbooks.Problem(sheet, row.row(), row.columns().getOrDefault(p.field(), ""),
							p.field().labelDe + ": " + catalogueMessage(p)));
				}
				String key = ProcessValues.clean(row.values().get(ProcessField.KEY)).toUpperCase(Locale.ROOT);
				Integer first = key.isEmpty() ? null : seen.putIfAbsent(key, row.row());
				if (first != null) {
					problems.add(new Workbooks.Problem(sheet, row.row(), row.columns().get(ProcessField.KEY),
							spreadsheetText("import.problem.keyTwice", key, first)));
				}
				if (result.valid()) {
					String department = (String) result.values().get(ProcessField.DEPARTMENT);
					if (!Catalogue.mayEdit(user, department)) {
						problems.add(new Workbooks.Problem(sheet, row.row(), row.columns().get(ProcessField.DEPARTMENT),
								spreadsheetText("import.problem.department", department)));
					}
					checked.add(result.values());
				}
				job.done++;
			}
			if (!problems.isEmpty()) {
				reject(job, problems);
				return;
			}
			job.phase = Phase.SAVING;
			transactions.executeWithoutResult(status -> save(job, user, checked));
			job.phase = Phase.DONE;
			log.info("Catalogue import {}: {} created, {} changed, {} unchanged", job.id, job.created, job.changed, job.unchanged);
		}
		catch (RuntimeException e) {
			log.warn("Catalogue import {} failed: {}", job.id, e.getClass().getSimpleName(), e);
			reject(job, List.of(new Workbooks.Problem("", 0, "", spreadsheetText("import.problem.failed"))));
		}
	}

	private void save(Job job, SignedInUser user, List<Map<ProcessField, Object>> rows) {
		Map<String, ProcessRecord> existing = new HashMap<>();
		store.all().forEach(p -> existing.put(p.key(), p));
		ProcessStore.Actor actor = new ProcessStore.Actor(user.id().value(), user.displayName());
		Set<String> keys = new HashSet<>();
		for (Map<ProcessField, Object> values : rows) {
			String key = (String) values.get(ProcessField.KEY);
			keys.add(key);
			ProcessRecord current = existing.get(key);
			if (current == null) {
				store.insert(values, false, actor, "IMPORTED");
				job.created++;
			}
			else {
				if (!Catalogue.mayEdit(user, current.department())) {
					throw new IllegalStateException("not allowed");
				}
				Map<String, List<String>> changes = store.update(current, values, actor, "IMPORTED")
					.orElseThrow(() -> new IllegalStateException("changed concurrently"));
				if (changes.isEmpty()) {
					job.unchanged++;
				}
				else {
					job.changed++;
				}
			}
			job.done++;
		}
	}

	private static void reject(Job job, List<Workbooks.Problem> problems) {
		job.problems = List.copyOf(problems);
		job.phase = Phase.REJECTED;
	}

	private String catalogueMessage(ProcessValues.Problem problem) {
		return form.message(problem, SPREADSHEET_LANGUAGE);
	}

	private String spreadsheetText(String key, Object... args) {
		return form.message(key, args, SPREADSHEET_LANGUAGE);
	}
}
