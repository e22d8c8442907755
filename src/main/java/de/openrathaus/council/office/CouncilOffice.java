// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.council.office;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import de.openrathaus.council.sequence.ConsultationResult;
import de.openrathaus.council.sequence.ConsultationRole;
import de.openrathaus.council.sequence.ConsultationSequence;
import de.openrathaus.council.sequence.ConsultationStep;
import de.openrathaus.council.sequence.PaperStatus;
import de.openrathaus.tenancy.MunicipalClock;
import de.openrathaus.web.Refusal;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the council office does: keep bodies, terms, persons, memberships, meetings, papers and
 * their files and consultation sequences; put a paper on a meeting's agenda as its sequence says;
 * record a result, which moves the paper on. Bad input is refused with nothing changed.
 */
@Service
@PreAuthorize("hasAuthority('council:office')")
class CouncilOffice {

	static final int NAME_MAX = 200;
	static final int TITLE_MAX = 500;
	static final long FILE_MAX = 20L * 1024 * 1024;
	private static final Set<String> KINDS = Set.of("COUNCIL", "COMMITTEE", "DISTRICT_COUNCIL", "GROUP");
	private static final Set<String> PAPER_TYPES = Set.of("MOTION", "QUESTION", "STATEMENT", "PROPOSAL");

	private final CouncilStore store;
	private final Clock clock;

	CouncilOffice(CouncilStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	record Overview(List<CouncilStore.Organization> organizations, List<CouncilStore.Named> persons, List<CouncilStore.Named> terms,
			List<CouncilStore.Named> memberships, List<CouncilStore.Meeting> meetings, List<CouncilStore.Paper> papers) {
	}

	record MeetingView(CouncilStore.Meeting meeting, List<CouncilStore.AgendaItem> agenda, List<CouncilStore.Paper> due) {
	}

	record PaperView(CouncilStore.Paper paper, List<CouncilStore.Consultation> consultations, List<CouncilStore.Organization> organizations) {
	}

	@Transactional(readOnly = true)
	public Overview overview() {
		return new Overview(store.organizations(), store.persons(), store.terms(), store.memberships(), store.meetings(), store.papers());
	}

	@Transactional(readOnly = true)
	public MeetingView meetingView(UUID id) {
		CouncilStore.Meeting meeting = meeting(id);
		return new MeetingView(meeting, store.agenda(id), store.papersDueAt(meeting.organization()));
	}

	@Transactional(readOnly = true)
	public PaperView paperView(UUID id) {
		return new PaperView(paper(id), store.consultations(id), store.organizations());
	}

	@Transactional(readOnly = true)
	public CouncilStore.Meeting meeting(UUID id) {
		return store.meeting(id).orElseThrow(CouncilNotFound::new);
	}

	@Transactional(readOnly = true)
	public CouncilStore.Paper paper(UUID id) {
		return store.paper(id).orElseThrow(CouncilNotFound::new);
	}

	@Transactional
	public UUID addTerm(@Nullable String name, @Nullable String start, @Nullable String end) {
		LocalDate from = date(start, true);
		LocalDate to = date(end, false);
		if (from == null || (to != null && to.isBefore(from))) {
			throw Refusal.of("council.date.invalid");
		}
		UUID id = UUID.randomUUID();
		store.addTerm(id, text(name, NAME_MAX), from, to, now());
		return id;
	}

	@Transactional
	public UUID addOrganization(@Nullable String kind, @Nullable String name, @Nullable String shortName) {
		if (kind == null || !KINDS.contains(kind)) {
			throw Refusal.of("council.organization.kind.invalid");
		}
		UUID id = UUID.randomUUID();
		store.addOrganization(id, kind, text(name, NAME_MAX), optional(shortName, 40), now());
		return id;
	}

	@Transactional
	public UUID addPerson(@Nullable String givenName, @Nullable String familyName, @Nullable String formOfAddress) {
		UUID id = UUID.randomUUID();
		store.addPerson(id, text(givenName, 100), text(familyName, 100), optional(formOfAddress, 40), now());
		return id;
	}

	@Transactional
	public UUID addMembership(@Nullable UUID person, @Nullable UUID organization, @Nullable String role, boolean votingRight,
			@Nullable UUID onBehalfOf, @Nullable String start, @Nullable String end) {
		if (person == null || !store.personExists(person) || organization == null || store.organization(organization).isEmpty()
				|| (onBehalfOf != null && store.organization(onBehalfOf).isEmpty())) {
			throw Refusal.of("council.membership.invalid");
		}
		LocalDate from = date(start, true);
		LocalDate to = date(end, false);
		if (from == null || (to != null && to.isBefore(from))) {
			throw Refusal.of("council.date.invalid");
		}
		UUID id = UUID.randomUUID();
		store.addMembership(id, person, organization, text(role, 100), votingRight, onBehalfOf, from, to, now());
		return id;
	}

	@Transactional
	public UUID addMeeting(@Nullable UUID organization, @Nullable String name, @Nullable String start, @Nullable String end,
			@Nullable String location) {
		if (organization == null || store.organization(organization).isEmpty()) {
			throw Refusal.of("council.meeting.organization.invalid");
		}
		Instant from = moment(start);
		Instant to = end == null || end.isBlank() ? null : moment(end);
		if (from == null || (to != null && to.isBefore(from))) {
			throw Refusal.of("council.meeting.time.invalid");
		}
		UUID id = UUID.randomUUID();
		store.addMeeting(id, organization, text(name, NAME_MAX), from, to, optional(location, NAME_MAX), now());
		return id;
	}

	@Transactional
	public UUID addPaper(@Nullable String reference, @Nullable String name, @Nullable String type, @Nullable String date,
			@Nullable UUID originator, boolean isPublic, @Nullable String text) {
		String ref = text(reference, 40);
		if (!ref.matches("[\\p{L}0-9/._-]{1,40}")) {
			throw Refusal.of("council.paper.reference.invalid");
		}
		if (type == null || !PAPER_TYPES.contains(type)) {
			throw Refusal.of("council.paper.type.invalid");
		}
		if (originator != null && store.organization(originator).isEmpty()) {
			throw Refusal.of("council.paper.originator.invalid");
		}
		LocalDate day = date(date, true);
		if (day == null) {
			throw Refusal.of("council.date.invalid");
		}
		UUID id = UUID.randomUUID();
		if (!store.addPaper(id, ref, text(name, TITLE_MAX), type, day, originator, isPublic, text == null ? "" : clean(text), now())) {
			throw Refusal.conflict("council.paper.reference.taken");
		}
		return id;
	}

	@Transactional
	public void addFile(UUID paper, @Nullable String name, @Nullable String fileName, byte[] content, boolean main) {
		paper(paper);
		if (content.length == 0 || content.length > FILE_MAX) {
			throw Refusal.of("council.file.invalid");
		}
		// the type from the bytes, not from what the browser said (a renamed file stays what it is)
		String file = de.openrathaus.files.Filenames.clean(fileName);
		String type = de.openrathaus.files.MediaTypes.detect(content, file);
		String title = name == null || name.isBlank() ? file : text(name, NAME_MAX);
		store.addFile(UUID.randomUUID(), paper, main, title, file, type, content, LocalDate.now(clock), now());
	}

	@Transactional
	public void addConsultation(UUID paper, @Nullable UUID organization, @Nullable String role, boolean authoritative) {
		CouncilStore.Paper found = store.paperForUpdate(paper).orElseThrow(CouncilNotFound::new);
		if (!found.status().open()) {
			throw Refusal.conflict("council.consultation.paperClosed");
		}
		if (organization == null || store.organization(organization).isEmpty()) {
			throw Refusal.of("council.consultation.organization.invalid");
		}
		ConsultationRole parsed;
		try {
			parsed = ConsultationRole.valueOf(role == null ? "" : role);
		}
		catch (IllegalArgumentException e) {
			throw Refusal.of("council.consultation.role.invalid");
		}
		ConsultationSequence sequence = new ConsultationSequence(found.status(), store.steps(paper));
		store.addConsultation(UUID.randomUUID(), paper, sequence.nextPosition(), organization, parsed, authoritative, now());
	}

	/** Puts the paper on the meeting's agenda as its next consultation; refused unless it is the meeting's body's turn. */
	@Transactional
	public void placeOnAgenda(UUID meeting, @Nullable UUID paper) {
		CouncilStore.Meeting found = meeting(meeting);
		if (paper == null) {
			throw Refusal.of("council.agenda.paper.missing");
		}
		CouncilStore.Paper locked = store.paperForUpdate(paper).orElseThrow(() -> Refusal.of("council.agenda.paper.missing"));
		ConsultationStep step = new ConsultationSequence(locked.status(), store.steps(paper)).placeOnAgendaOf(found.organization());
		Instant now = now();
		store.addAgendaItem(UUID.randomUUID(), meeting, locked.reference() + " – " + locked.name(), locked.isPublic(), step.id(), now);
		if (locked.status() == PaperStatus.NEW) {
			store.setStatus(paper, PaperStatus.IN_CONSULTATION, now);
		}
	}

	@Transactional
	public void addAgendaItem(UUID meeting, @Nullable String name, boolean isPublic) {
		meeting(meeting);
		store.addAgendaItem(UUID.randomUUID(), meeting, text(name, TITLE_MAX), isPublic, null, now());
	}

	/** Records an agenda item's result and vote; for a paper's consultation it moves the paper on. */
	@Transactional
	public void recordResult(UUID meeting, UUID item, @Nullable String result, @Nullable String resolutionText, @Nullable String yes,
			@Nullable String no, @Nullable String abstain) {
		CouncilStore.AgendaItem found = store.agendaItem(meeting, item).orElseThrow(CouncilNotFound::new);
		if (found.result() != null) {
			throw Refusal.conflict("council.result.recorded");
		}
		ConsultationResult parsed;
		try {
			parsed = ConsultationResult.valueOf(result == null ? "" : result);
		}
		catch (IllegalArgumentException e) {
			throw Refusal.of("council.result.invalid");
		}
		Integer votesYes = count(yes);
		Integer votesNo = count(no);
		Integer votesAbstain = count(abstain);
		String text = resolutionText == null || resolutionText.isBlank() ? null : clean(resolutionText);
		Instant now = now();
		PaperStatus status = null;
		if (found.paper() != null && found.consultation() != null) {
			CouncilStore.Paper paper = store.paperForUpdate(found.paper()).orElseThrow(CouncilNotFound::new);
			status = new ConsultationSequence(paper.status(), store.steps(paper.id())).statusAfter(found.consultation(), parsed);
		}
		if (!store.recordItemResult(item, parsed, text, votesYes, votesNo, votesAbstain, now)) {
			throw Refusal.conflict("council.result.recorded");
		}
		if (status != null) {
			if (parsed.concludes()) {
				store.concludeConsultation(found.consultation(), parsed, now);
			}
			else {
				store.touchConsultation(found.consultation(), now);
			}
			store.setStatus(found.paper(), status, now);
		}
	}

	/** Deletes softly: the row stays and the OParl API reports it as deleted. */
	@Transactional
	public void delete(String what, UUID id) {
		String table = switch (what) {
			case "gremien" -> "organization";
			case "personen" -> "person";
			case "mitgliedschaften" -> "membership";
			case "sitzungen" -> "meeting";
			case "vorlagen" -> "paper";
			case "wahlperioden" -> "legislative_term";
			default -> throw new CouncilNotFound();
		};
		if (!store.delete(table, id, now())) {
			throw new CouncilNotFound();
		}
	}

	private Instant now() {
		return clock.instant();
	}

	private static @Nullable Integer count(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (!value.strip().matches("[0-9]{1,4}")) {
			throw Refusal.of("council.result.votes.invalid");
		}
		return Integer.parseInt(value.strip());
	}

	private static @Nullable LocalDate date(@Nullable String value, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				throw Refusal.of("council.date.invalid");
			}
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw Refusal.of("council.date.invalid");
		}
	}

	private static Instant moment(@Nullable String value) {
		try {
			return LocalDateTime.parse(value == null ? "" : value.strip()).atZone(MunicipalClock.ZONE).toInstant();
		}
		catch (DateTimeParseException e) {
			throw Refusal.of("council.meeting.time.invalid");
		}
	}

	private static String text(@Nullable String value, int max) {
		String cleaned = value == null ? "" : clean(value).replaceAll("\\s+", " ");
		if (cleaned.isEmpty() || cleaned.length() > max) {
			throw Refusal.of("council.text.invalid", max);
		}
		return cleaned;
	}

	private static @Nullable String optional(@Nullable String value, int max) {
		return value == null || value.isBlank() ? null : text(value, max);
	}

	private static String clean(String text) {
		return text.replaceAll("[\\p{Cc}&&[^\\n\\t]]", "").strip();
	}


	static List<String> kinds() {
		return KINDS.stream().sorted().toList();
	}

	static List<String> paperTypes() {
		return PAPER_TYPES.stream().sorted(java.util.Comparator.comparing(t -> t.toLowerCase(Locale.ROOT))).toList();
	}
}
