// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.council.control;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import de.openrathaus.account.AccountDirectory;
import de.openrathaus.account.DepartmentCode;
import de.openrathaus.account.SignedInUser;
import de.openrathaus.account.StaffRole;
import de.openrathaus.web.Refusal;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The council office assigns a resolution (an agenda item decided or decided as amended) to a
 * department with a due date; clerks of that department (or the council office) report its status.
 */
@Service
class ResolutionControl {

	static final int NOTE_MAX = 2000;

	/** A resolution with its follow-up, if assigned. */
	record Resolution(UUID item, UUID meeting, String meetingName, Instant date, String name, @Nullable String text, @Nullable UUID control,
			@Nullable String department, @Nullable LocalDate due, @Nullable FollowUpStatus status, boolean overdue) {
	}

	record Report(Instant at, FollowUpStatus status, @Nullable String note) {
	}

	private static final String RESOLUTIONS = """
			select a.id, m.id, m.name, m.starts_at, a.name, a.resolution_text, r.id, r.department_code, r.due_date, r.status
			from council.agenda_item a join council.meeting m on m.id = a.meeting_id
			     left join council.resolution_control r on r.agenda_item_id = a.id and not r.deleted
			where not a.deleted and not m.deleted and a.result in ('DECIDED', 'AMENDED') """;

	private final JdbcClient jdbc;
	private final AccountDirectory accounts;
	private final Clock clock;

	ResolutionControl(JdbcClient jdbc, AccountDirectory accounts, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	@PreAuthorize("hasAuthority('council:office')")
	public List<Resolution> all() {
		return jdbc.sql(RESOLUTIONS + "order by r.due_date nulls first, m.starts_at desc").query(this::resolution).list();
	}

	/** The resolutions assigned to the departments the user works in as a clerk. */
	@Transactional(readOnly = true)
	@PreAuthorize("hasAuthority('backoffice:use')")
	public List<Resolution> ofDepartments(SignedInUser user) {
		String[] departments = user.departmentsWith(StaffRole.CLERK).stream().map(DepartmentCode::value).toArray(String[]::new);
		return jdbc.sql(RESOLUTIONS + "and r.department_code = any(?) order by r.due_date").param(departments).query(this::resolution).list();
	}

	@Transactional(readOnly = true)
	public List<Report> reports(UUID control) {
		return jdbc.sql("select created, status, note from council.resolution_report where control_id = ? order by created").param(control)
			.query((rs, n) -> new Report(rs.getTimestamp(1).toInstant(), FollowUpStatus.valueOf(rs.getString(2)), rs.getString(3))).list();
	}

	@Transactional(readOnly = true)
	public List<AccountDirectory.Department> departments() {
		return accounts.departments();
	}

	@Transactional
	@PreAuthorize("hasAuthority('council:office')")
	public void assign(UUID item, @Nullable String department, @Nullable String due) {
		boolean resolution = jdbc.sql(RESOLUTIONS + "and a.id = ?").param(item).query(this::resolution).optional().isPresent();
		if (!resolution) {
			throw new NotFound();
		}
		if (department == null || accounts.departments().stream().noneMatch(d -> d.code().value().equals(department))) {
			throw Refusal.of("council.control.department.invalid");
		}
		LocalDate dueDate;
		try {
			dueDate = LocalDate.parse(due == null ? "" : due.strip());
		}
		catch (DateTimeParseException e) {
			throw Refusal.of("council.control.due.invalid");
		}
		Instant now = clock.instant();
		int changed = jdbc.sql("""
				insert into council.resolution_control(id, agenda_item_id, department_code, due_date, created, modified) values (?, ?, ?, ?, ?, ?)
				on conflict (agenda_item_id) do update set department_code = excluded.department_code, due_date = excluded.due_date,
				  modified = excluded.modified""")
			.params(UUID.randomUUID(), item, department, dueDate, ts(now), ts(now)).update();
		if (changed == 1) {
			touchItem(item, now);
		}
	}

	/** A status report by a clerk of the owning department or by the council office; "not feasible" needs its reason. */
	@Transactional
	@PreAuthorize("hasAuthority('backoffice:use')")
	public void report(SignedInUser user, UUID control, @Nullable String status, @Nullable String note) {
		record Owner(UUID item, String department) {
		}
		Owner owner = jdbc.sql("select agenda_item_id, department_code from council.resolution_control where id = ? and not deleted for update")
			.param(control).query((rs, n) -> new Owner(rs.getObject(1, UUID.class), rs.getString(2))).optional().orElseThrow(NotFound::new);
		if (!user.hasRole(StaffRole.COUNCIL_OFFICE) && !user.hasRoleIn(new DepartmentCode(owner.department()), StaffRole.CLERK)) {
			throw new NotFound(); // another department's resolution: as if there were none
		}
		FollowUpStatus parsed;
		try {
			parsed = FollowUpStatus.valueOf(status == null ? "" : status);
		}
		catch (IllegalArgumentException e) {
			throw Refusal.of("council.control.status.invalid");
		}
		String text = note == null || note.isBlank() ? null : note.strip();
		if (text != null && text.length() > NOTE_MAX) {
			throw Refusal.of("council.control.note.tooLong", NOTE_MAX);
		}
		if (parsed == FollowUpStatus.NOT_FEASIBLE && text == null) {
			throw Refusal.of("council.control.note.reasonMissing");
		}
		Instant now = clock.instant();
		jdbc.sql("insert into council.resolution_report(id, control_id, status, note, reported_by, created) values (?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), control, parsed.name(), text, user.id().value(), ts(now)).update();
		jdbc.sql("update council.resolution_control set status = ?, modified = ? where id = ?").params(parsed.name(), ts(now), control).update();
		touchItem(owner.item(), now);
	}

	/** The agenda item carries the follow-up in the OParl API: its modified follows the follow-up's. */
	private void touchItem(UUID item, Instant now) {
		jdbc.sql("update council.agenda_item set modified = ? where id = ?").params(ts(now), item).update();
	}

	private Resolution resolution(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		LocalDate due = rs.getObject(9, LocalDate.class);
		FollowUpStatus status = rs.getString(10) == null ? null : FollowUpStatus.valueOf(rs.getString(10));
		boolean overdue = due != null && status != null && status.open() && due.isBefore(LocalDate.now(clock));
		return new Resolution(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getTimestamp(4).toInstant(),
				rs.getString(5), rs.getString(6), rs.getObject(7, UUID.class), rs.getString(8), due, status, overdue);
	}

	static Set<String> statuses() {
		return Set.of("PLANNED", "IN_PROGRESS", "DONE", "NOT_FEASIBLE");
	}

	private static java.sql.Timestamp ts(Instant instant) {
		return java.sql.Timestamp.from(instant);
	}

	/** No such resolution (or not one of the user's departments): answered as 404. */
	@ResponseStatus(HttpStatus.NOT_FOUND)
	static final class NotFound extends RuntimeException {

		NotFound() {
			super(null, null, false, false);
		}
	}
}
