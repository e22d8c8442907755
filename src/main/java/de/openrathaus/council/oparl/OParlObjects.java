// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.council.oparl;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import de.openrathaus.tenancy.MunicipalClock;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns the council's rows into OParl 1.1 objects: the columns each type reads and the JSON it
 * writes. Words OParl leaves to the system (paper type, role, result, meeting state) come from the
 * German message bundle; our own additions carry the prefix {@code openrathaus:} (see the README).
 */
@Component
class OParlObjects {

	static final String PREFIX = "openrathaus:";
	private static final String LICENSE = "https://creativecommons.org/publicdomain/zero/1.0/";

	private final MessageSource messages;
	private final Clock clock;

	OParlObjects(MessageSource messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	/** The columns after x.id, x.created, x.modified, x.deleted that {@link #object} reads for this kind. */
	static String columns(OParlKind kind) {
		return switch (kind) {
			case ORGANIZATION -> "x.kind, x.name, x.short_name, x.start_date, x.end_date";
			case PERSON -> "x.given_name, x.family_name, x.form_of_address";
			case MEMBERSHIP -> "x.person_id, x.organization_id, x.role, x.voting_right, x.on_behalf_of, x.start_date, x.end_date";
			case MEETING -> "x.organization_id, x.name, x.starts_at, x.ends_at, x.cancelled, x.location";
			case AGENDA_ITEM -> "x.meeting_id, x.number, x.position, x.name, x.result, x.resolution_text, x.votes_yes, x.votes_no, "
					+ "x.votes_abstain, (select c.id from council.consultation c join council.paper cp on cp.id = c.paper_id "
					+ "where c.id = x.consultation_id and c.public and cp.public and not c.deleted), r.status, r.due_date, r.department_code";
			case PAPER -> "x.reference, x.name, x.paper_type, x.paper_date, x.originator, x.status";
			case CONSULTATION -> "x.paper_id, x.organization_id, x.role, x.authoritative, x.result, "
					+ "(select a.id from council.agenda_item a where a.consultation_id = x.id and a.public and not a.deleted "
					+ "order by a.created desc limit 1), "
					+ "(select a.meeting_id from council.agenda_item a where a.consultation_id = x.id and a.public and not a.deleted "
					+ "order by a.created desc limit 1)";
			case FILE -> "x.paper_id, x.name, x.file_name, x.mime_type, x.size, x.sha256, x.file_date";
			case LEGISLATIVE_TERM -> "x.name, x.start_date, x.end_date";
			case LOCATION -> "x.location";
		};
	}

	/** One row (id, created, modified, deleted, then {@link #columns}) as its OParl object. */
	Map<String, Object> object(OParlKind kind, ResultSet rs, OParlUrls urls) throws SQLException {
		UUID id = rs.getObject(1, UUID.class);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", urls.object(kind, id));
		json.put("type", kind.type());
		switch (kind) {
			case ORGANIZATION -> {
				json.put("body", urls.bodyObject());
				json.put("name", rs.getString(6));
				put(json, "shortName", rs.getString(7));
				String organizationKind = rs.getString(5);
				json.put("organizationType", text("council.oparl.organizationType." + ("GROUP".equals(organizationKind) ? "GROUP" : "BODY")));
				json.put("classification", text("council.kind." + organizationKind));
				put(json, "startDate", date(rs, 8));
				put(json, "endDate", date(rs, 9));
			}
			case PERSON -> {
				json.put("body", urls.bodyObject());
				json.put("name", rs.getString(5) + " " + rs.getString(6));
				json.put("givenName", rs.getString(5));
				json.put("familyName", rs.getString(6));
				put(json, "formOfAddress", rs.getString(7));
			}
			case MEMBERSHIP -> {
				json.put("person", urls.object(OParlKind.PERSON, rs.getObject(5, UUID.class)));
				json.put("organization", urls.object(OParlKind.ORGANIZATION, rs.getObject(6, UUID.class)));
				json.put("role", rs.getString(7));
				json.put("votingRight", rs.getBoolean(8));
				UUID onBehalfOf = rs.getObject(9, UUID.class);
				if (onBehalfOf != null) {
					json.put("onBehalfOf", urls.object(OParlKind.ORGANIZATION, onBehalfOf));
				}
				put(json, "startDate", date(rs, 10));
				put(json, "endDate", date(rs, 11));
			}
			case MEETING -> {
				json.put("name", rs.getString(6));
				Instant start = rs.getTimestamp(7).toInstant();
				boolean cancelled = rs.getBoolean(9);
				json.put("meetingState", text("council.oparl.meetingState." + (cancelled ? "cancelled" : start.isAfter(clock.instant()) ? "scheduled" : "held")));
				if (cancelled) {
					json.put("cancelled", true);
				}
				json.put("start", time(start));
				if (rs.getTimestamp(8) != null) {
					json.put("end", time(rs.getTimestamp(8).toInstant()));
				}
				json.put("organization", List.of(urls.object(OParlKind.ORGANIZATION, rs.getObject(5, UUID.class))));
				String place = rs.getString(10);
				if (place != null) {
					Map<String, Object> location = new LinkedHashMap<>();
					location.put("id", urls.object(OParlKind.LOCATION, id));
					location.put("type", OParlKind.LOCATION.type());
					location.put("description", place);
					json.put("location", location);
				}
				json.put("agendaItem", new ArrayList<>());
				json.put("web", urls.web("/rat/sitzungen/" + id));
			}
			case AGENDA_ITEM -> {
				json.put("meeting", urls.object(OParlKind.MEETING, rs.getObject(5, UUID.class)));
				json.put("number", rs.getString(6));
				json.put("order", rs.getInt(7));
				json.put("name", rs.getString(8));
				json.put("public", true);
				UUID consultation = rs.getObject(14, UUID.class);
				if (consultation != null) {
					json.put("consultation", urls.object(OParlKind.CONSULTATION, consultation));
				}
				String result = rs.getString(9);
				if (result != null) {
					json.put("result", text("council.result." + result));
					json.put(PREFIX + "result", result);
				}
				put(json, "resolutionText", rs.getString(10));
				String followUp = rs.getString(15);
				if (followUp != null) {
					Map<String, Object> control = new LinkedHashMap<>();
					control.put("status", followUp);
					control.put("dueDate", rs.getObject(16, LocalDate.class).toString());
					control.put("department", rs.getString(17));
					control.put("overdue", ("PLANNED".equals(followUp) || "IN_PROGRESS".equals(followUp))
							&& rs.getObject(16, LocalDate.class).isBefore(LocalDate.now(clock)));
					json.put(PREFIX + "followUp", control);
				}
				if (rs.getObject(11) != null || rs.getObject(12) != null || rs.getObject(13) != null) {
					Map<String, Object> votes = new LinkedHashMap<>();
					put(votes, "yes", rs.getObject(11, Integer.class));
					put(votes, "no", rs.getObject(12, Integer.class));
					put(votes, "abstain", rs.getObject(13, Integer.class));
					json.put(PREFIX + "votes", votes);
				}
			}
			case PAPER -> {
				json.put("body", urls.bodyObject());
				json.put("name", rs.getString(6));
				json.put("reference", rs.getString(5));
				json.put("date", rs.getObject(8, LocalDate.class).toString());
				json.put("paperType", text("council.paperType." + rs.getString(7)));
				UUID originator = rs.getObject(9, UUID.class);
				if (originator != null) {
					json.put("originatorOrganization", List.of(urls.object(OParlKind.ORGANIZATION, originator)));
				}
				json.put("auxiliaryFile", new ArrayList<>());
				json.put("consultation", new ArrayList<>());
				json.put(PREFIX + "status", rs.getString(10));
				json.put("web", urls.web("/rat/vorlagen/" + id));
			}
			case CONSULTATION -> {
				json.put("paper", urls.object(OParlKind.PAPER, rs.getObject(5, UUID.class)));
				UUID item = rs.getObject(10, UUID.class);
				if (item != null) {
					json.put("agendaItem", urls.object(OParlKind.AGENDA_ITEM, item));
					json.put("meeting", urls.object(OParlKind.MEETING, rs.getObject(11, UUID.class)));
				}
				json.put("organization", List.of(urls.object(OParlKind.ORGANIZATION, rs.getObject(6, UUID.class))));
				json.put("authoritative", rs.getBoolean(8));
				json.put("role", text("council.role." + rs.getString(7)));
				put(json, PREFIX + "result", rs.getString(9));
			}
			case FILE -> {
				json.put("name", rs.getString(6));
				json.put("fileName", rs.getString(7));
				json.put("mimeType", rs.getString(8));
				json.put("date", rs.getObject(11, LocalDate.class).toString());
				json.put("size", rs.getLong(9));
				json.put(PREFIX + "sha256Checksum", rs.getString(10)); // OParl knows SHA-1 and SHA-512 only; the platform names content by SHA-256
				json.put("accessUrl", urls.download(id));
				json.put("downloadUrl", urls.download(id));
				json.put("paper", List.of(urls.object(OParlKind.PAPER, rs.getObject(5, UUID.class))));
			}
			case LEGISLATIVE_TERM -> {
				json.put("body", urls.bodyObject());
				json.put("name", rs.getString(5));
				put(json, "startDate", date(rs, 6));
				put(json, "endDate", date(rs, 7));
			}
			case LOCATION -> {
				json.put("description", rs.getString(5));
				json.put("bodies", List.of(urls.bodyObject()));
				json.put("meetings", List.of(urls.object(OParlKind.MEETING, id)));
			}
		}
		json.put("license", LICENSE);
		json.put("created", time(rs.getTimestamp(2).toInstant()));
		json.put("modified", time(rs.getTimestamp(3).toInstant()));
		if (rs.getBoolean(4)) {
			json.put("deleted", true);
		}
		return json;
	}

	/** RFC 3339 with milliseconds, always with seconds (OffsetDateTime.toString drops zero seconds). */
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

	static String time(Instant instant) {
		return TIME.format(OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), MunicipalClock.ZONE));
	}

	private String text(String key) {
		return messages.getMessage(key, null, Locale.GERMAN);
	}

	private static @Nullable String date(ResultSet rs, int column) throws SQLException {
		LocalDate date = rs.getObject(column, LocalDate.class);
		return date == null ? null : date.toString();
	}

	private static void put(Map<String, Object> json, String name, @Nullable Object value) {
		if (value != null) {
			json.put(name, value);
		}
	}
}
