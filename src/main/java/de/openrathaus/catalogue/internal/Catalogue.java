// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.catalogue.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import de.openrathaus.account.AccountDirectory;
import de.openrathaus.account.DepartmentCode;
import de.openrathaus.account.SignedInUser;
import de.openrathaus.personaldata.PersonalDataUse;
import de.openrathaus.account.StaffRole;
import de.openrathaus.procedure.OnlineServices;
import de.openrathaus.web.Refusal;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of the catalogue. Department members (CLERK) record and submit their department's
 * processes; reviewers (REVIEWER, organisation department) review or return them with a comment.
 * Every change is checked here, on the server, and kept in the history.
 */
@Service
class Catalogue {

	private final ProcessStore store;
	private final AccountDirectory accounts;
	private final OnlineServices services;
	private final PersonalDataUse use;

	Catalogue(ProcessStore store, AccountDirectory accounts, OnlineServices services, PersonalDataUse use) {
		this.use = use;
		this.store = store;
		this.accounts = accounts;
		this.services = services;
	}


	Set<String> departmentCodes() {
		return accounts.departments().stream().map(d -> d.code().value()).collect(Collectors.toSet());
	}

	Map<String, String> departmentNames() {
		return accounts.departments().stream().collect(Collectors.toMap(d -> d.code().value(), AccountDirectory.Department::name));
	}

	Set<String> procedureTypes() {
		return services.currentServices().stream().map(OnlineServices.OnlineService::key).collect(Collectors.toSet());
	}

	static boolean mayEdit(SignedInUser user, String department) {
		return user.hasRoleIn(new DepartmentCode(department), StaffRole.CLERK) || user.hasRole(StaffRole.REVIEWER);
	}

	static boolean mayReview(SignedInUser user) {
		return user.hasRole(StaffRole.REVIEWER);
	}

	ProcessValues.Result read(Map<ProcessField, String> raw) {
		return ProcessValues.read(raw, departmentCodes(), procedureTypes());
	}

	/** Creates or updates a process from checked values; the form sends the version it showed. */
	@Transactional
	ProcessId save(SignedInUser user, @Nullable ProcessId id, int expectedVersion, Map<ProcessField, Object> values) {
		String department = (String) values.get(ProcessField.DEPARTMENT);
		if (!mayEdit(user, department)) {
			throw Refusal.of("catalogue.refused.department").withStatus(HttpStatus.FORBIDDEN);
		}
		ProcessStore.Actor actor = new ProcessStore.Actor(user.id().value(), user.displayName());
		if (id == null) {
			if (store.findByKey((String) values.get(ProcessField.KEY)).isPresent()) {
				throw Refusal.conflict("catalogue.refused.keyTaken");
			}
			ProcessId created = store.insert(values, false, actor, "CREATED");
			audit(user, created, "created");
			return created;
		}
		ProcessRecord current = store.find(id).orElseThrow(() -> Refusal.of("catalogue.refused.unknown").withStatus(HttpStatus.NOT_FOUND));
		if (!mayEdit(user, current.department())) {
			throw Refusal.of("catalogue.refused.department").withStatus(HttpStatus.FORBIDDEN);
		}
		if (current.version() != expectedVersion) {
			throw Refusal.conflict("catalogue.refused.changedMeanwhile");
		}
		if (!current.key().equals(values.get(ProcessField.KEY)) && store.findByKey((String) values.get(ProcessField.KEY)).isPresent()) {
			throw Refusal.conflict("catalogue.refused.keyTaken");
		}
		store.update(current, values, actor, "CHANGED").orElseThrow(() -> Refusal.conflict("catalogue.refused.changedMeanwhile"));
		audit(user, id, "changed");
		return id;
	}

	@Transactional
	void submit(SignedInUser user, ProcessId id) {
		ProcessRecord current = store.find(id).orElseThrow(() -> Refusal.of("catalogue.refused.unknown").withStatus(HttpStatus.NOT_FOUND));
		if (!mayEdit(user, current.department())) {
			throw Refusal.of("catalogue.refused.department").withStatus(HttpStatus.FORBIDDEN);
		}
		if (!store.move(id, ProcessRecord.Status.DRAFT, ProcessRecord.Status.SUBMITTED, actor(user), "")) {
			throw Refusal.conflict("catalogue.refused.status");
		}
		audit(user, id, "submitted for review");
	}

	@Transactional
	void review(SignedInUser user, ProcessId id, boolean accept, String comment) {
		if (!mayReview(user)) {
			throw Refusal.of("catalogue.refused.reviewer").withStatus(HttpStatus.FORBIDDEN);
		}
		String text = ProcessValues.clean(comment);
		if (!accept && text.isEmpty()) {
			throw Refusal.of("catalogue.refused.commentNeeded");
		}
		ProcessRecord.Status target = accept ? ProcessRecord.Status.REVIEWED : ProcessRecord.Status.DRAFT;
		if (!store.move(id, ProcessRecord.Status.SUBMITTED, target, actor(user), text)) {
			throw Refusal.conflict("catalogue.refused.status");
		}
		audit(user, id, accept ? "reviewed" : "returned with a comment");
	}

	@Transactional
	void comment(SignedInUser user, ProcessId id, String comment) {
		String text = ProcessValues.clean(comment);
		if (text.isEmpty() || text.length() > 2000) {
			throw Refusal.of("catalogue.refused.commentNeeded");
		}
		store.find(id).orElseThrow(() -> Refusal.of("catalogue.refused.unknown").withStatus(HttpStatus.NOT_FOUND));
		store.comment(id, actor(user), text);
		audit(user, id, "commented");
	}

	/** Catalogue edits keep who changed what (the history names the editor): they go to the audit trail too. */
	private void audit(SignedInUser user, ProcessId id, String what) {
		use.changed(user.displayName(), "catalogue process " + id + " " + what, "back office");
	}

	List<ProcessRecord> all() {
		return store.all();
	}

	private static ProcessStore.Actor actor(SignedInUser user) {
		return new ProcessStore.Actor(user.id().value(), user.displayName());
	}
}
