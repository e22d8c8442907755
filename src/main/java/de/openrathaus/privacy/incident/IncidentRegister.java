// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.privacy.incident;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import de.openrathaus.web.Refusal;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The officer records breaches and how each was settled: notified to the authority (after the 72 hours only with the
 * reasons for the delay, Art. 33 (1)) or not notified because no risk to people is likely (with that reason, which
 * the authority may ask for, Art. 33 (5)). A settled incident is not settled a second time.
 */
@Service
@PreAuthorize("hasAuthority('privacy:register')")
class IncidentRegister {

	static final int TITLE_MAX = 200;
	static final int TEXT_MAX = 4000;
	static final int REASON_MAX = 2000;

	private final JdbcClient jdbc;
	private final Clock clock;

	IncidentRegister(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Incident> all() {
		return jdbc.sql("select id, title, description, aware_at, recorded_at, recorded_by, notified_at, late_reason, not_required_reason "
				+ "from privacy.incident order by aware_at desc")
			.query((rs, row) -> new Incident(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
					rs.getTimestamp(5).toInstant(), rs.getString(6), instant(rs.getTimestamp(7)), rs.getString(8), rs.getString(9)))
			.list();
	}

	@Transactional
	public UUID record(@Nullable String rawTitle, @Nullable String rawDescription, @Nullable String rawAwareAt, String officer) {
		String title = required(rawTitle, TITLE_MAX, "privacy.incident.title.invalid");
		String description = required(rawDescription, TEXT_MAX, "privacy.incident.description.invalid");
		Instant now = clock.instant();
		Instant awareAt = rawAwareAt == null || rawAwareAt.isBlank() ? now : time(rawAwareAt);
		if (awareAt.isAfter(now)) {
			throw Refusal.of("privacy.incident.time.future");
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into privacy.incident(id, title, description, aware_at, recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?)")
			.params(id, title, description, Timestamp.from(awareAt), Timestamp.from(now), officer).update();
		return id;
	}

	@Transactional
	public void notified(UUID id, @Nullable String rawNotifiedAt, @Nullable String rawLateReason) {
		Incident incident = open(id);
		Instant now = clock.instant();
		Instant notifiedAt = rawNotifiedAt == null || rawNotifiedAt.isBlank() ? now : time(rawNotifiedAt);
		if (notifiedAt.isAfter(now) || notifiedAt.isBefore(incident.awareAt())) {
			throw Refusal.of("privacy.incident.notified.time");
		}
		String lateReason = rawLateReason == null || rawLateReason.isBlank() ? null : rawLateReason.strip();
		if (incident.deadline().late(notifiedAt) && lateReason == null) {
			throw Refusal.of("privacy.incident.late.reason");
		}
		if (lateReason != null && lateReason.length() > REASON_MAX) {
			throw Refusal.of("privacy.incident.reason.tooLong", REASON_MAX);
		}
		settle(jdbc.sql("update privacy.incident set notified_at = ?, late_reason = ? where id = ? and notified_at is null "
				+ "and not_required_reason is null").params(Timestamp.from(notifiedAt), lateReason, id).update());
	}

	@Transactional
	public void notRequired(UUID id, @Nullable String rawReason) {
		open(id);
		String reason = required(rawReason, REASON_MAX, "privacy.incident.notRequired.reason");
		settle(jdbc.sql("update privacy.incident set not_required_reason = ? where id = ? and notified_at is null and not_required_reason is null")
			.params(reason, id).update());
	}

	private Incident open(UUID id) {
		Incident incident = all().stream().filter(i -> i.id().equals(id)).findFirst()
			.orElseThrow(() -> Refusal.of("privacy.incident.unknown").withStatus(HttpStatus.NOT_FOUND));
		if (!incident.open()) {
			throw Refusal.conflict("privacy.incident.settled");
		}
		return incident;
	}

	private static void settle(int updated) {
		if (updated != 1) {
			throw Refusal.conflict("privacy.incident.settled");
		}
	}

	/** A time as the form's datetime-local field sends it, in the municipality's zone. */
	private Instant time(String raw) {
		try {
			return LocalDateTime.parse(raw.strip()).atZone(clock.getZone()).toInstant();
		}
		catch (DateTimeParseException e) {
			throw Refusal.of("privacy.incident.time.invalid");
		}
	}

	private static String required(@Nullable String raw, int max, String refusal) {
		String text = raw == null ? "" : raw.strip();
		if (text.isEmpty() || text.length() > max) {
			throw Refusal.of(refusal, max);
		}
		return text;
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}
