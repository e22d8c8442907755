// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.council.office;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import de.openrathaus.council.sequence.ConsultationResult;
import de.openrathaus.council.sequence.ConsultationRole;
import de.openrathaus.council.sequence.ConsultationStep;
import de.openrathaus.council.sequence.PaperStatus;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The council's rows of the municipality bound to the connection (row-level security); every write sets modified. */
@Component
class CouncilStore {

	record Named(UUID id, String name) {
	}

	record Organization(UUID id, String kind, String name, @Nullable String shortName) {
	}

	record Meeting(UUID id, UUID organization, String organizationName, String name, Instant start, @Nullable String location,
			boolean cancelled) {
	}

	record Paper(UUID id, String reference, String name, String type, LocalDate date, boolean isPublic, PaperStatus status) {
	}

	record Consultation(UUID id, int position, UUID organization, String organizationName, ConsultationRole role, boolean authoritative,
			@Nullable ConsultationResult result) {
	}

	record AgendaItem(UUID id, String number, String name, boolean isPublic, @Nullable UUID consultation, @Nullable UUID paper,
			@Nullable String paperReference, @Nullable String result, @Nullable String resolutionText, @Nullable Integer yes,
			@Nullable Integer no, @Nullable Integer abstain) {
	}

	private final JdbcClient jdbc;

	CouncilStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Organization> organizations() {
		return jdbc.sql("select id, kind, name, short_name from council.organization where not deleted order by kind, name")
			.query((rs, row) -> new Organization(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4))).list();
	}

	Optional<Organization> organization(UUID id) {
		return jdbc.sql("select id, kind, name, short_name from council.organization where id = ? and not deleted").param(id)
			.query((rs, row) -> new Organization(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4))).optional();
	}

	List<Named> persons() {
		return jdbc.sql("select id, family_name || ', ' || given_name from council.person where not deleted order by family_name, given_name")
			.query((rs, row) -> new Named(rs.getObject(1, UUID.class), rs.getString(2))).list();
	}

	boolean personExists(UUID id) {
		return jdbc.sql("select count(*) from council.person where id = ? and not deleted").param(id).query(Integer.class).single() == 1;
	}

	List<Named> terms() {
		return jdbc.sql("select id, name from council.legislative_term where not deleted order by start_date desc")
			.query((rs, row) -> new Named(rs.getObject(1, UUID.class), rs.getString(2))).list();
	}

	List<Named> memberships() {
		return jdbc.sql("""
				select m.id, p.family_name || ', ' || p.given_name || ' – ' || o.name || ' (' || m.role || ')'
				from council.membership m join council.person p on p.id = m.person_id join council.organization o on o.id = m.organization_id
				where not m.deleted order by o.name, p.family_name""")
			.query((rs, row) -> new Named(rs.getObject(1, UUID.class), rs.getString(2))).list();
	}

	private static final String MEETING = "select m.id, m.organization_id, o.name, m.name, m.starts_at, m.location, m.cancelled "
			+ "from council.meeting m join council.organization o on o.id = m.organization_id where not m.deleted ";

	List<Meeting> meetings() {
		return jdbc.sql(MEETING + "order by m.starts_at desc").query(CouncilStore::meeting).list();
	}

	Optional<Meeting> meeting(UUID id) {
		return jdbc.sql(MEETING + "and m.id = ?").param(id).query(CouncilStore::meeting).optional();
	}

	private static final String PAPER = "select pp.id, pp.reference, pp.name, pp.paper_type, pp.paper_date, pp.public, pp.status "
			+ "from council.paper pp where not pp.deleted ";

	List<Paper> papers() {
		return jdbc.sql(PAPER + "order by pp.paper_date desc, pp.reference").query(CouncilStore::paper).list();
	}

	Optional<Paper> paper(UUID id) {
		return jdbc.sql(PAPER + "and pp.id = ?").param(id).query(CouncilStore::paper).optional();
	}

	/** Locks the paper's row so two results for its sequence are recorded one after the other. */
	Optional<Paper> paperForUpdate(UUID id) {
		return jdbc.sql(PAPER + "and pp.id = ? for update").param(id).query(CouncilStore::paper).optional();
	}

	List<Consultation> consultations(UUID paper) {
		return jdbc.sql("""
				select c.id, c.position, c.organization_id, o.name, c.role, c.authoritative, c.result
				from council.consultation c join council.organization o on o.id = c.organization_id
				where c.paper_id = ? and not c.deleted order by c.position""").param(paper)
			.query((rs, row) -> new Consultation(rs.getObject(1, UUID.class), rs.getInt(2), rs.getObject(3, UUID.class), rs.getString(4),
					ConsultationRole.valueOf(rs.getString(5)), rs.getBoolean(6),
					rs.getString(7) == null ? null : ConsultationResult.valueOf(rs.getString(7))))
			.list();
	}

	/** The sequence's steps, each marked whether an agenda item still waits for its result. */
	List<ConsultationStep> steps(UUID paper) {
		return jdbc.sql("""
				select c.id, c.position, c.organization_id, c.role, c.authoritative, c.result,
				       exists (select 1 from council.agenda_item a where a.consultation_id = c.id and a.result is null and not a.deleted)
				from council.consultation c where c.paper_id = ? and not c.deleted order by c.position""").param(paper)
			.query((rs, row) -> new ConsultationStep(rs.getObject(1, UUID.class), rs.getInt(2), rs.getObject(3, UUID.class),
					ConsultationRole.valueOf(rs.getString(4)), rs.getBoolean(5),
					rs.getString(6) == null ? null : ConsultationResult.valueOf(rs.getString(6)), rs.getBoolean(7)))
			.list();
	}

	List<AgendaItem> agenda(UUID meeting) {
		return jdbc.sql("""
				select a.id, a.number, a.name, a.public, a.consultation_id, p.id, p.reference, a.result, a.resolution_text,
				       a.votes_yes, a.votes_no, a.votes_abstain
				from council.agenda_item a left join council.consultation c on c.id = a.consultation_id
				     left join council.paper p on p.id = c.paper_id
				where a.meeting_id = ? and not a.deleted order by a.position""").param(meeting)
			.query((rs, row) -> new AgendaItem(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBoolean(4),
					rs.getObject(5, UUID.class), rs.getObject(6, UUID.class), rs.getString(7), rs.getString(8), rs.getString(9),
					rs.getObject(10, Integer.class), rs.getObject(11, Integer.class), rs.getObject(12, Integer.class)))
			.list();
	}

	Optional<AgendaItem> agendaItem(UUID meeting, UUID item) {
		return agenda(meeting).stream().filter(a -> a.id().equals(item)).findFirst();
	}

	/** Papers a meeting of this body may take up now (their next open consultation is this body's and on no agenda yet). */
	List<Paper> papersDueAt(UUID organization) {
		return jdbc.sql(PAPER + """
				and pp.status in ('NEW', 'IN_CONSULTATION') and exists (
				  select 1 from council.consultation c where c.paper_id = pp.id and not c.deleted and c.organization_id = ?
				    and c.result is null
				    and c.position = (select min(position) from council.consultation n where n.paper_id = pp.id and not n.deleted and n.result is null)
				    and not exists (select 1 from council.agenda_item a where a.consultation_id = c.id and a.result is null and not a.deleted))
				order by pp.reference""").param(organization).query(CouncilStore::paper).list();
	}

	void addTerm(UUID id, String name, LocalDate start, @Nullable LocalDate end, Instant now) {
		jdbc.sql("insert into council.legislative_term(id, name, start_date, end_date, created, modified) values (?, ?, ?, ?, ?, ?)")
			.params(id, name, start, end, ts(now), ts(now)).update();
	}

	void addOrganization(UUID id, String kind, String name, @Nullable String shortName, Instant now) {
		jdbc.sql("insert into council.organization(id, kind, name, short_name, created, modified) values (?, ?, ?, ?, ?, ?)")
			.params(id, kind, name, shortName, ts(now), ts(now)).update();
	}

	void addPerson(UUID id, String givenName, String familyName, @Nullable String formOfAddress, Instant now) {
		jdbc.sql("insert into council.person(id, given_name, family_name, form_of_address, created, modified) values (?, ?, ?, ?, ?, ?)")
			.params(id, givenName, familyName, formOfAddress, ts(now), ts(now)).update();
	}

	void addMembership(UUID id, UUID person, UUID organization, String role, boolean votingRight, @Nullable UUID onBehalfOf, LocalDate start,
			@Nullable LocalDate end, Instant now) {
		jdbc.sql("insert into council.membership(id, person_id, organization_id, role, voting_right, on_behalf_of, start_date, end_date, "
				+ "created, modified) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, person, organization, role, votingRight, onBehalfOf, start, end, ts(now), ts(now)).update();
		touch("person", person, now);
	}

	void addMeeting(UUID id, UUID organization, String name, Instant start, @Nullable Instant end, @Nullable String location, Instant now) {
		jdbc.sql("insert into council.meeting(id, organization_id, name, starts_at, ends_at, location, created, modified) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, organization, name, ts(start), end == null ? null : ts(end), location, ts(now), ts(now)).update();
	}

	/** False if the municipality has a paper with this reference already. */
	boolean addPaper(UUID id, String reference, String name, String type, LocalDate date, @Nullable UUID originator, boolean isPublic,
			String text, Instant now) {
		return jdbc.sql("insert into council.paper(id, reference, name, paper_type, paper_date, originator, public, body_text, created, modified) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
			.params(id, reference, name, type, date, originator, isPublic, text, ts(now), ts(now)).update() == 1;
	}

	void addFile(UUID id, UUID paper, boolean main, String name, String fileName, String mimeType, byte[] content, LocalDate date, Instant now) {
		if (main) {
			jdbc.sql("update council.paper_file set main = false, modified = ? where paper_id = ? and main").params(ts(now), paper).update();
		}
		jdbc.sql("insert into council.paper_file(id, paper_id, main, name, file_name, mime_type, content, size, sha256, file_date, created, modified) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, paper, main, name, fileName, mimeType, content, (long) content.length, de.openrathaus.files.Sha256.hex(content), date, ts(now), ts(now)).update();
		touch("paper", paper, now);
	}

	void addConsultation(UUID id, UUID paper, int position, UUID organization, ConsultationRole role, boolean authoritative, Instant now) {
		jdbc.sql("insert into council.consultation(id, paper_id, position, organization_id, role, authoritative, created, modified) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, paper, position, organization, role.name(), authoritative, ts(now), ts(now)).update();
		touch("paper", paper, now);
	}

	void addAgendaItem(UUID id, UUID meeting, String name, boolean isPublic, @Nullable UUID consultation, Instant now) {
		int position = jdbc.sql("select coalesce(max(position), 0) + 1 from council.agenda_item where meeting_id = ?").param(meeting)
			.query(Integer.class).single();
		String number = isPublic ? String.valueOf(position) : "N" + position;
		jdbc.sql("insert into council.agenda_item(id, meeting_id, position, number, name, public, consultation_id, created, modified) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, meeting, position, number, name, isPublic, consultation, ts(now), ts(now)).update();
		touch("meeting", meeting, now);
		if (consultation != null) {
			touch("consultation", consultation, now);
		}
	}

	/** Records the item's result once; false if it has one already (the guarded update keeps two recordings apart). */
	boolean recordItemResult(UUID item, ConsultationResult result, @Nullable String text, @Nullable Integer yes, @Nullable Integer no,
			@Nullable Integer abstain, Instant now) {
		return jdbc.sql("update council.agenda_item set result = ?, resolution_text = ?, votes_yes = ?, votes_no = ?, votes_abstain = ?, "
				+ "modified = ? where id = ? and result is null and not deleted")
			.params(result.name(), text, yes, no, abstain, ts(now), item).update() == 1;
	}

	void concludeConsultation(UUID consultation, ConsultationResult result, Instant now) {
		jdbc.sql("update council.consultation set result = ?, modified = ? where id = ? and result is null")
			.params(result.name(), ts(now), consultation).update();
	}

	void touchConsultation(UUID consultation, Instant now) {
		touch("consultation", consultation, now);
	}

	void setStatus(UUID paper, PaperStatus status, Instant now) {
		jdbc.sql("update council.paper set status = ?, modified = ? where id = ?").params(status.name(), ts(now), paper).update();
	}

	/**
	 * Marks a row deleted (it stays for the OParl API's deletion reports), and with it the rows that
	 * exist only as its parts (a paper's consultations and files, a meeting's agenda items, a person's
	 * or body's memberships), so no live object points at a deleted one; false if there is none.
	 */
	boolean delete(String table, UUID id, Instant now) {
		boolean deleted = jdbc.sql("update council." + table + " set deleted = true, modified = ? where id = ? and not deleted").params(ts(now), id)
			.update() == 1;
		if (deleted) {
			switch (table) {
				case "paper" -> {
					deleteParts("consultation", "paper_id", id, now);
					deleteParts("paper_file", "paper_id", id, now);
				}
				case "meeting" -> deleteParts("agenda_item", "meeting_id", id, now);
				case "person" -> deleteParts("membership", "person_id", id, now);
				case "organization" -> deleteParts("membership", "organization_id", id, now);
				default -> {
				}
			}
		}
		return deleted;
	}

	private void deleteParts(String table, String parentColumn, UUID parent, Instant now) {
		jdbc.sql("update council." + table + " set deleted = true, modified = ? where " + parentColumn + " = ? and not deleted").params(ts(now), parent)
			.update();
	}

	private void touch(String table, UUID id, Instant now) {
		jdbc.sql("update council." + table + " set modified = ? where id = ?").params(ts(now), id).update();
	}

	private static java.sql.Timestamp ts(Instant instant) {
		return java.sql.Timestamp.from(instant);
	}

	private static Meeting meeting(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Meeting(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
				rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getBoolean(7));
	}

	private static Paper paper(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Paper(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class),
				rs.getBoolean(6), PaperStatus.valueOf(rs.getString(7)));
	}
}
