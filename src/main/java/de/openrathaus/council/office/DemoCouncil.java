// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.council.office;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import de.openrathaus.council.sequence.ConsultationResult;
import de.openrathaus.council.sequence.ConsultationRole;
import de.openrathaus.council.sequence.ConsultationSequence;
import de.openrathaus.council.sequence.ConsultationStep;
import de.openrathaus.council.sequence.PaperStatus;
import de.openrathaus.tenancy.MunicipalClock;
import de.openrathaus.tenancy.Tenant;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.Tenants;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In demo mode every municipality gets a demo council (marked as such: fictitious persons, "Demo" in
 * the names of meetings): the seed's motion 2017/1985 with its four consultations from the main
 * committee to the council, run through as the rules say, a current meeting with a paper still in
 * consultation, a non-public item and a non-public paper (which no public page or API shows).
 * Created once: a municipality with council data is left as it is.
 */
@Component
@ConditionalOnBooleanProperty("openrathaus.demo.enabled")
class DemoCouncil {

	private static final Logger log = LoggerFactory.getLogger(DemoCouncil.class);

	private final CouncilStore store;
	private final JdbcClient jdbc;
	private final Tenants tenants;
	private final TransactionTemplate transactions;
	private final Clock clock;

	DemoCouncil(CouncilStore store, JdbcClient jdbc, Tenants tenants, TransactionTemplate transactions, Clock clock) {
		this.store = store;
		this.jdbc = jdbc;
		this.tenants = tenants;
		this.transactions = transactions;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	@org.springframework.core.annotation.Order(120)
	void create() {
		for (Tenant tenant : tenants.all()) {
			TenantContext.runAs(tenant.id(), () -> transactions.executeWithoutResult(status -> createFor(tenant)));
		}
	}

	private void createFor(Tenant tenant) {
		if (jdbc.sql("select count(*) from council.organization").query(Integer.class).single() > 0) {
			return;
		}
		Instant now = clock.instant();
		store.addTerm(UUID.randomUUID(), "Wahlperiode 2014–2020", LocalDate.of(2014, 6, 1), LocalDate.of(2020, 10, 31), now);
		store.addTerm(UUID.randomUUID(), "Wahlperiode 2020–2025", LocalDate.of(2020, 11, 1), LocalDate.of(2025, 10, 31), now);
		store.addTerm(UUID.randomUUID(), "Wahlperiode 2025–2030", LocalDate.of(2025, 11, 1), null, now);

		UUID council = organization("COUNCIL", "Rat der Stadt", "Rat", now);
		UUID main = organization("COMMITTEE", "Hauptausschuss", "HA", now);
		UUID staff = organization("COMMITTEE", "Personal- und Organisationsausschuss", "PuOA", now);
		UUID finance = organization("COMMITTEE", "Finanz- und Rechtsausschuss", "FiRA", now);
		organization("DISTRICT_COUNCIL", "Bezirksvertretung für den Stadtbezirk I", "BV I", now);
		UUID cdu = organization("GROUP", "CDU-Fraktion", "CDU", now);
		UUID fdp = organization("GROUP", "Gruppe FDP", "FDP", now);
		UUID spd = organization("GROUP", "SPD-Fraktion", "SPD", now);

		// fictitious persons
		String[][] persons = {{"Frau", "Petra", "Demo-Beispiel", "cdu"}, {"Herr", "Paul", "Demo-Muster", "cdu"},
				{"Frau", "Fiona", "Demo-Frei", "fdp"}, {"Herr", "Stefan", "Demo-Sozial", "spd"}, {"Frau", "Sabine", "Demo-Rot", "spd"}};
		for (String[] p : persons) {
			UUID person = UUID.randomUUID();
			store.addPerson(person, p[1], p[2], p[0], now);
			UUID group = switch (p[3]) {
				case "cdu" -> cdu;
				case "fdp" -> fdp;
				default -> spd;
			};
			LocalDate start = LocalDate.of(2014, 6, 1);
			store.addMembership(UUID.randomUUID(), person, group, "Mitglied", true, null, start, null, now);
			store.addMembership(UUID.randomUUID(), person, council, "Ratsmitglied", true, group, start, null, now);
			store.addMembership(UUID.randomUUID(), person, main, "Ausschussmitglied", true, group, start, null, now);
		}

		// the seed: motion 2017/1985 and its four consultations (Beratungsfolge)
		String seed = resource("council/demo/antrag-2017-1985.txt");
		UUID motion = UUID.randomUUID();
		store.addPaper(motion, "2017/1985", "1. Formulierung von Aufgabenschwerpunkten des Verwaltungshandelns in 2018 für die nächsten Jahre; "
				+ "2. Start einer Digitalisierungsoffensive zur Digitalisierung der Verwaltung – Antrag der CDU-Fraktion und der Gruppe FDP "
				+ "vom 13.11.2017", "MOTION", LocalDate.of(2017, 11, 22), cdu, true, seed, now);
		byte[] content = seed.getBytes(StandardCharsets.UTF_8);
		store.addFile(UUID.randomUUID(), motion, true, "Antrag und Stellungnahme der Verwaltung", "antrag-2017-1985.txt",
				"text/plain", content, LocalDate.of(2017, 11, 22), now);
		store.addConsultation(UUID.randomUUID(), motion, 1, main, ConsultationRole.ADVICE, false, now);
		store.addConsultation(UUID.randomUUID(), motion, 2, staff, ConsultationRole.ADVICE, false, now);
		store.addConsultation(UUID.randomUUID(), motion, 3, finance, ConsultationRole.ADVICE, false, now);
		store.addConsultation(UUID.randomUUID(), motion, 4, council, ConsultationRole.DECISION, true, now);

		UUID m1 = meeting(main, "Demo: Sitzung des Hauptausschusses", LocalDateTime.of(2017, 11, 22, 17, 0), now);
		UUID m2 = meeting(staff, "Demo: Sitzung des Personal- und Organisationsausschusses", LocalDateTime.of(2017, 11, 24, 16, 0), now);
		UUID m3 = meeting(finance, "Demo: Sitzung des Finanz- und Rechtsausschusses", LocalDateTime.of(2017, 12, 4, 17, 0), now);
		UUID m4 = meeting(council, "Demo: Sitzung des Rates", LocalDateTime.of(2017, 12, 18, 15, 0), now);
		take(m1, main, motion, ConsultationResult.DECIDED, "Der Hauptausschuss empfiehlt dem Rat, dem Antrag zu folgen.", 12, 3, 1, now);
		take(m2, staff, motion, ConsultationResult.DECIDED, "Der Ausschuss empfiehlt dem Rat, dem Antrag zu folgen.", 9, 2, 0, now);
		take(m3, finance, motion, ConsultationResult.DECIDED, "Der Ausschuss empfiehlt dem Rat, dem Antrag zu folgen.", 10, 3, 0, now);
		UUID resolution = take(m4, council, motion, ConsultationResult.AMENDED, "Die Verwaltung wird beauftragt, eine Digitalisierungsoffensive zu starten "
				+ "und dem Rat jährlich über den Stand zu berichten. Die Aufgabenschwerpunkte legt der Oberbürgermeister in den Stadtzielen fest.",
				38, 17, 4, now);
		store.addAgendaItem(UUID.randomUUID(), m4, "Personalangelegenheit (nicht öffentlich)", false, null, now);
		// resolution control in every state: done, in progress (overdue), planned, not feasible
		followUp(resolution, "organisation", LocalDate.of(2018, 12, 31), now, "IN_PROGRESS", "Projektgruppe Digitalisierung eingerichtet.",
				"DONE", "Digitalisierungsstrategie vom Rat am 10.12.2018 beschlossen; Bericht jährlich im Hauptausschuss.");
		followUp(resolved(m4, "Demo: Radverkehrskonzept für die Innenstadt", now), "strassenverkehr", LocalDate.of(2019, 6, 30), now,
				"IN_PROGRESS", "Verkehrszählung abgeschlossen, Entwurf in Abstimmung.");
		followUp(resolved(m4, "Demo: Sanierung der Sporthalle am Schulzentrum", now), "schule", LocalDate.now(clock).plusMonths(9), now);
		followUp(resolved(m4, "Demo: Prüfauftrag Seilbahn zum Bahnhof", now), "umwelt", LocalDate.of(2018, 9, 30), now, "NOT_FEASIBLE",
				"Machbarkeitsstudie: Kosten stehen in keinem Verhältnis zum Nutzen.");

		// a current paper of the administration, still in consultation, and a non-public one
		LocalDate today = LocalDate.now(clock);
		UUID proposal = UUID.randomUUID();
		store.addPaper(proposal, today.getYear() + "/0001", "Demo: Fortschreibung der Stadtziele " + today.getYear() + " ff.", "PROPOSAL", today,
				null, true, "Die Verwaltung legt die fortgeschriebenen Stadtziele vor: Stadtentwicklung, Stadtfinanzen, Integration, Bildung, "
						+ "Umwelt, Verwaltung und Digitalisierung.", now);
		store.addConsultation(UUID.randomUUID(), proposal, 1, main, ConsultationRole.ADVICE, false, now);
		store.addConsultation(UUID.randomUUID(), proposal, 2, council, ConsultationRole.DECISION, true, now);
		UUID upcoming = meeting(main, "Demo: Sitzung des Hauptausschusses", today.plusDays(14).atTime(17, 0), now);
		meeting(council, "Demo: Sitzung des Rates", today.plusDays(28).atTime(15, 0), now);
		take(upcoming, main, proposal, null, null, 0, 0, 0, now);
		UUID secret = UUID.randomUUID();
		store.addPaper(secret, today.getYear() + "/0002", "Demo: Grundstücksangelegenheit", "PROPOSAL", today, null, false,
				"Nicht öffentliche Vorlage.", now);
		store.addConsultation(UUID.randomUUID(), secret, 1, main, ConsultationRole.DECISION, true, now);
		take(upcoming, main, secret, null, null, 0, 0, 0, now);
		log.info("Demo data for '{}': demo council with motion 2017/1985 created", tenant.slug());
	}

	/** An agenda item without a paper that the meeting decided. */
	private UUID resolved(UUID meeting, String name, Instant now) {
		UUID item = UUID.randomUUID();
		store.addAgendaItem(item, meeting, name, true, null, now);
		store.recordItemResult(item, ConsultationResult.DECIDED, null, null, null, null, now);
		return item;
	}

	/** Gives the resolution to a department with a due date and adds the status reports (status, note, status, note, ...). */
	private void followUp(UUID item, String department, LocalDate due, Instant now, String... reports) {
		UUID control = UUID.randomUUID();
		jdbc.sql("insert into council.resolution_control(id, agenda_item_id, department_code, due_date, created, modified) values (?, ?, ?, ?, ?, ?)")
			.params(control, item, department, due, java.sql.Timestamp.from(now), java.sql.Timestamp.from(now)).update();
		for (int i = 0; i + 1 < reports.length; i += 2) {
			Instant at = now.plusMillis(i); // in order
			// demo reports name no account (the nil id)
			jdbc.sql("insert into council.resolution_report(id, control_id, status, note, reported_by, created) values (?, ?, ?, ?, ?, ?)")
				.params(UUID.randomUUID(), control, reports[i], reports[i + 1], new UUID(0, 0), java.sql.Timestamp.from(at)).update();
			jdbc.sql("update council.resolution_control set status = ? where id = ?").params(reports[i], control).update();
		}
	}

	/** Puts the paper on the meeting's agenda as its sequence says and records the result, if one is given; returns the agenda item. */
	private UUID take(UUID meeting, UUID organization, UUID paper, @Nullable ConsultationResult result, @Nullable String text, int yes, int no,
			int abstain, Instant now) {
		CouncilStore.Paper found = store.paper(paper).orElseThrow();
		List<ConsultationStep> steps = store.steps(paper);
		ConsultationStep step = new ConsultationSequence(found.status(), steps).placeOnAgendaOf(organization);
		UUID item = UUID.randomUUID();
		store.addAgendaItem(item, meeting, found.reference() + " – " + found.name(), found.isPublic(), step.id(), now);
		store.setStatus(paper, PaperStatus.IN_CONSULTATION, now);
		if (result != null) {
			PaperStatus status = new ConsultationSequence(PaperStatus.IN_CONSULTATION, store.steps(paper)).statusAfter(step.id(), result);
			store.recordItemResult(item, result, text, yes, no, abstain, now);
			store.concludeConsultation(step.id(), result, now);
			store.setStatus(paper, status, now);
		}
		return item;
	}

	private UUID organization(String kind, String name, String shortName, Instant now) {
		UUID id = UUID.randomUUID();
		store.addOrganization(id, kind, name, shortName, now);
		return id;
	}

	private UUID meeting(UUID organization, String name, LocalDateTime start, Instant now) {
		UUID id = UUID.randomUUID();
		Instant from = start.atZone(MunicipalClock.ZONE).toInstant();
		store.addMeeting(id, organization, name, from, from.plus(Duration.ofHours(3)), "Demo-Rathaus, Ratssaal", now);
		return id;
	}

	private static String resource(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
