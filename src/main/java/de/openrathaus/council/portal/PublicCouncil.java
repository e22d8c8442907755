// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.council.portal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The public reads of the council data of the municipality bound to the connection; every query keeps to public rows. */
@Component
class PublicCouncil {

	/** At most this many search hits or resolutions on a page. */
	static final int PAGE = 50;

	record Meeting(UUID id, String name, String organization, Instant start, @Nullable String location, boolean cancelled) {
	}

	record Item(String number, String name, @Nullable UUID paper, @Nullable String result, @Nullable String resolutionText,
			@Nullable Integer yes, @Nullable Integer no, @Nullable Integer abstain) {
	}

	record Paper(UUID id, String reference, String name, String type, LocalDate date, String status, @Nullable String originator) {
	}

	record Consultation(int position, String organization, String role, boolean authoritative, @Nullable String result,
			@Nullable UUID meeting, @Nullable Instant date) {
	}

	record File(UUID id, String name, String fileName, long size) {
	}

	record Resolution(UUID item, UUID meeting, Instant date, String organization, String name, @Nullable UUID paper, String result,
			@Nullable String resolutionText, @Nullable String followUp, @Nullable LocalDate due, boolean overdue) {
	}

	record Report(Instant at, String status, @Nullable String note) {
	}

	private static final String MEETING = "select m.id, m.name, o.name, m.starts_at, m.location, m.cancelled from council.meeting m "
			+ "join council.organization o on o.id = m.organization_id where not m.deleted ";
	private static final String PAPER = "select p.id, p.reference, p.name, p.paper_type, p.paper_date, p.status, o.name from council.paper p "
			+ "left join council.organization o on o.id = p.originator where p.public and not p.deleted ";

	private final JdbcClient jdbc;
	private final Clock clock;

	PublicCouncil(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Meeting> upcoming() {
		return jdbc.sql(MEETING + "and m.starts_at >= ? order by m.starts_at limit ?").params(java.sql.Timestamp.from(clock.instant()), PAGE)
			.query(PublicCouncil::meeting).list();
	}

	@Transactional(readOnly = true)
	public List<Meeting> past() {
		return jdbc.sql(MEETING + "and m.starts_at < ? order by m.starts_at desc limit ?").params(java.sql.Timestamp.from(clock.instant()), PAGE)
			.query(PublicCouncil::meeting).list();
	}

	@Transactional(readOnly = true)
	public Optional<Meeting> meeting(UUID id) {
		return jdbc.sql(MEETING + "and m.id = ?").param(id).query(PublicCouncil::meeting).optional();
	}

	/** The public part of the agenda; a paper is linked only if it is public itself. */
	@Transactional(readOnly = true)
	public List<Item> agenda(UUID meeting) {
		return jdbc.sql("""
				select a.number, a.name, p.id, a.result, a.resolution_text, a.votes_yes, a.votes_no, a.votes_abstain
				from council.agenda_item a left join council.consultation c on c.id = a.consultation_id
				     left join council.paper p on p.id = c.paper_id and p.public and not p.deleted
				where a.meeting_id = ? and a.public and not a.deleted order by a.position""").param(meeting)
			.query((rs, n) -> new Item(rs.getString(1), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5),
					rs.getObject(6, Integer.class), rs.getObject(7, Integer.class), rs.getObject(8, Integer.class)))
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<Paper> paper(UUID id) {
		return jdbc.sql(PAPER + "and p.id = ?").param(id).query(PublicCouncil::paper).optional();
	}

	/** Public papers matching the words (German full-text search, stemmed: "Digitalisierung" finds "digitalen"), best first; the newest without words. */
	@Transactional(readOnly = true)
	public List<Paper> search(@Nullable String words) {
		if (words == null || words.isBlank()) {
			return jdbc.sql(PAPER + "order by p.paper_date desc, p.reference limit ?").param(PAGE).query(PublicCouncil::paper).list();
		}
		return jdbc.sql(PAPER + "and p.search @@ websearch_to_tsquery('german', ?) "
				+ "order by ts_rank(p.search, websearch_to_tsquery('german', ?)) desc, p.paper_date desc limit ?")
			.params(words, words, PAGE).query(PublicCouncil::paper).list();
	}

	@Transactional(readOnly = true)
	public List<Consultation> consultations(UUID paper) {
		return jdbc.sql("""
				select c.position, o.name, c.role, c.authoritative, c.result, a.meeting_id, m.starts_at
				from council.consultation c join council.organization o on o.id = c.organization_id
				     left join lateral (select a.meeting_id from council.agenda_item a where a.consultation_id = c.id and a.public
				                        and not a.deleted order by a.created desc limit 1) a on true
				     left join council.meeting m on m.id = a.meeting_id
				where c.paper_id = ? and c.public and not c.deleted order by c.position""").param(paper)
			.query((rs, n) -> new Consultation(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5),
					rs.getObject(6, UUID.class), rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
			.list();
	}

	@Transactional(readOnly = true)
	public List<File> files(UUID paper) {
		return jdbc.sql("select id, name, file_name, size from council.paper_file where paper_id = ? and not deleted order by main desc, created")
			.param(paper).query((rs, n) -> new File(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getLong(4))).list();
	}

	/** The latest public resolutions (agenda items with a result other than a deferral). */
	@Transactional(readOnly = true)
	public List<Resolution> resolutions(@Nullable UUID item) {
		return jdbc.sql("""
				select a.id, m.id, m.starts_at, o.name, a.name, p.id, a.result, a.resolution_text, r.status, r.due_date
				from council.agenda_item a join council.meeting m on m.id = a.meeting_id join council.organization o on o.id = m.organization_id
				     left join council.consultation c on c.id = a.consultation_id
				     left join council.paper p on p.id = c.paper_id and p.public and not p.deleted
				     left join council.resolution_control r on r.agenda_item_id = a.id and not r.deleted
				where a.public and not a.deleted and not m.deleted and a.result is not null and a.result <> 'DEFERRED' %s
				order by m.starts_at desc, a.position limit ?""".formatted(item == null ? "" : "and a.id = ?"))
			.params(item == null ? List.of(PAGE) : List.of(item, PAGE))
			.query((rs, n) -> {
				LocalDate due = rs.getObject(10, LocalDate.class);
				String followUp = rs.getString(9);
				boolean overdue = due != null && ("PLANNED".equals(followUp) || "IN_PROGRESS".equals(followUp)) && due.isBefore(LocalDate.now(clock));
				return new Resolution(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getTimestamp(3).toInstant(), rs.getString(4),
						rs.getString(5), rs.getObject(6, UUID.class), rs.getString(7), rs.getString(8), followUp, due, overdue);
			})
			.list();
	}

	/** The status reports on a public resolution's follow-up (who reported is not shown). */
	@Transactional(readOnly = true)
	public List<Report> reports(UUID item) {
		return jdbc.sql("""
				select rr.created, rr.status, rr.note from council.resolution_report rr
				join council.resolution_control r on r.id = rr.control_id join council.agenda_item a on a.id = r.agenda_item_id
				where a.id = ? and a.public and not a.deleted and not r.deleted order by rr.created""").param(item)
			.query((rs, n) -> new Report(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3))).list();
	}

	private static Meeting meeting(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Meeting(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5),
				rs.getBoolean(6));
	}

	private static Paper paper(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Paper(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class),
				rs.getString(6), rs.getString(7));
	}
}
