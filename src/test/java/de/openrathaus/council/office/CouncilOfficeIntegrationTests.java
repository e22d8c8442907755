// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.council.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import de.openrathaus.TestAccounts;
import de.openrathaus.tenancy.TenantContext;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The council office runs a group's motion through committee and council as its sequence says; the
 * public pages show the result, and never the non-public part; nobody else reaches the office pages.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CouncilOfficeIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theCouncilOfficeRunsAMotionThroughCommitteeAndCouncilAndThePublicSeesTheResolution() throws Exception {
		MockHttpSession office = TestAccounts.signIn(mvc, "ratsbuero@musterstadt.example", "Demo-Passwort-2026");
		mvc.perform(post("/ratsbuero/gremien").param("art", "COMMITTEE").param("name", "Ausschuss für Digitales").session(office).with(csrf()));
		mvc.perform(post("/ratsbuero/gremien").param("art", "COUNCIL").param("name", "Testrat").session(office).with(csrf()));
		mvc.perform(post("/ratsbuero/gremien").param("art", "GROUP").param("name", "Fraktion Test").session(office).with(csrf()));
		UUID committee = id("organization", "Ausschuss für Digitales");
		UUID council = id("organization", "Testrat");
		UUID group = id("organization", "Fraktion Test");

		mvc.perform(post("/ratsbuero/vorlagen").param("nummer", "2026/4711").param("betreff", "Glasfaser für alle Schulen").param("art", "MOTION")
				.param("datum", "2026-11-30").param("urheber", group.toString()).param("oeffentlich", "true")
				.param("text", "Die Verwaltung wird beauftragt, alle Schulen an das Glasfasernetz anzuschließen.").session(office).with(csrf()))
			.andExpect(status().is3xxRedirection());
		UUID paper = id("paper", "Glasfaser für alle Schulen");
		mvc.perform(post("/ratsbuero/vorlagen").param("nummer", "2026/4711").param("betreff", "Doppelt").param("art", "MOTION")
				.param("datum", "2026-11-30").session(office).with(csrf()))
			.andExpect(flash().attribute("refused", "council.paper.reference.taken"));
		// the file's type comes from its bytes: a PDF named .html is served as a PDF with a matching name
		byte[] pdf = "%PDF-1.4\n%test\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		mvc.perform(multipart("/ratsbuero/vorlagen/" + paper + "/dateien").file(new MockMultipartFile("datei", "antrag.html", "text/html", pdf))
				.param("hauptdatei", "true").session(office).with(csrf()))
			.andExpect(flash().attribute("notice", "council.saved"));
		UUID file = TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select id from council.paper_file where paper_id = ?").param(paper)
			.query(UUID.class).single());
		mvc.perform(get("/oparl/v1/file/" + file + "/download")).andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("Content-Disposition", containsString("antrag.pdf")));
		mvc.perform(post("/ratsbuero/vorlagen/" + paper + "/beratungen").param("gremium", committee.toString()).param("rolle", "ADVICE")
				.session(office).with(csrf()));
		mvc.perform(post("/ratsbuero/vorlagen/" + paper + "/beratungen").param("gremium", council.toString()).param("rolle", "DECISION")
				.param("federfuehrend", "true").session(office).with(csrf()));

		mvc.perform(post("/ratsbuero/sitzungen").param("gremium", committee.toString()).param("name", "Sitzung Digitales")
				.param("beginn", "2026-12-10T17:00").session(office).with(csrf()));
		mvc.perform(post("/ratsbuero/sitzungen").param("gremium", council.toString()).param("name", "Sitzung Testrat")
				.param("beginn", "2026-12-20T15:00").session(office).with(csrf()));
		UUID committeeMeeting = id("meeting", "Sitzung Digitales");
		UUID councilMeeting = id("meeting", "Sitzung Testrat");

		// the council's turn comes after the committee's
		mvc.perform(post("/ratsbuero/sitzungen/" + councilMeeting + "/tagesordnung").param("vorlage", paper.toString()).session(office).with(csrf()))
			.andExpect(flash().attribute("refused", "council.agenda.paper.otherBody"));
		mvc.perform(post("/ratsbuero/sitzungen/" + committeeMeeting + "/tagesordnung").param("vorlage", paper.toString()).session(office).with(csrf()))
			.andExpect(flash().attribute("notice", "council.saved"));
		mvc.perform(post("/ratsbuero/sitzungen/" + committeeMeeting + "/tagesordnung").param("vorlage", paper.toString()).session(office).with(csrf()))
			.andExpect(flash().attribute("refused", "council.agenda.paper.alreadyOnAgenda"));
		mvc.perform(post("/ratsbuero/sitzungen/" + committeeMeeting + "/punkte").param("name", "Vertragsangelegenheit").session(office).with(csrf()));
		UUID committeeItem = item(committeeMeeting, "2026/4711");
		mvc.perform(post("/ratsbuero/sitzungen/" + committeeMeeting + "/punkte/" + committeeItem + "/ergebnis").param("ergebnis", "DECIDED")
				.param("ja", "zehn").session(office).with(csrf()))
			.andExpect(flash().attribute("refused", "council.result.votes.invalid"));
		mvc.perform(post("/ratsbuero/sitzungen/" + committeeMeeting + "/punkte/" + committeeItem + "/ergebnis").param("ergebnis", "DECIDED")
				.param("ja", "7").param("nein", "2").param("enthaltung", "0").session(office).with(csrf()))
			.andExpect(flash().attribute("notice", "council.saved"));
		assertThat(paperStatus(paper)).isEqualTo("IN_CONSULTATION");

		mvc.perform(post("/ratsbuero/sitzungen/" + councilMeeting + "/tagesordnung").param("vorlage", paper.toString()).session(office).with(csrf()))
			.andExpect(flash().attribute("notice", "council.saved"));
		UUID councilItem = item(councilMeeting, "2026/4711");
		mvc.perform(post("/ratsbuero/sitzungen/" + councilMeeting + "/punkte/" + councilItem + "/ergebnis").param("ergebnis", "DECIDED")
				.param("beschluss", "Alle Schulen werden bis 2028 an das Glasfasernetz angeschlossen.").param("ja", "40").param("nein", "10")
				.param("enthaltung", "2").session(office).with(csrf()))
			.andExpect(flash().attribute("notice", "council.saved"));
		mvc.perform(post("/ratsbuero/sitzungen/" + councilMeeting + "/punkte/" + councilItem + "/ergebnis").param("ergebnis", "REJECTED")
				.session(office).with(csrf()))
			.andExpect(flash().attribute("refused", "council.result.recorded"));
		assertThat(paperStatus(paper)).isEqualTo("DECIDED");

		// a member of the public: the paper with its sequence, the meeting, the search, the resolutions; not the non-public item
		mvc.perform(get("/rat/vorlagen/" + paper)).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("2026/4711"), containsString("Ausschuss für Digitales"), containsString("Testrat"),
					containsString("beschlossen"))));
		mvc.perform(get("/rat/sitzungen/" + committeeMeeting)).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Glasfaser für alle Schulen"), containsString("Ja 7, Nein 2, Enthaltungen 0"),
					not(containsString("Vertragsangelegenheit")))));
		mvc.perform(get("/rat/vorlagen").param("q", "Glasfasernetz Schule")).andExpect(status().isOk())
			.andExpect(content().string(containsString("2026/4711")));
		mvc.perform(get("/rat/vorlagen").param("q", "Anschluss")).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("2026/4711"))));
		mvc.perform(get("/rat/beschluesse")).andExpect(status().isOk())
			.andExpect(content().string(containsString("Alle Schulen werden bis 2028 an das Glasfasernetz angeschlossen.")));
		mvc.perform(get("/rat")).andExpect(status().isOk());

		// resolution control: the council office gives the resolution to a department with a due date (passed: overdue)
		String department = "ordnung";
		MockHttpSession clerk = TestAccounts.signIn(mvc, accounts.clerk("Olga", department));
		MockHttpSession otherClerk = TestAccounts.signIn(mvc, accounts.clerk("Tom", "steuern"));
		mvc.perform(post("/ratsbuero/beschluesse/" + councilItem + "/zuweisung").param("fachbereich", "gibt-es-nicht").param("frist", "2026-01-31")
				.session(office).with(csrf()))
			.andExpect(flash().attribute("refused", "council.control.department.invalid"));
		mvc.perform(post("/ratsbuero/beschluesse/" + councilItem + "/zuweisung").param("fachbereich", department).param("frist", "2026-01-31")
				.session(office).with(csrf()))
			.andExpect(flash().attribute("notice", "council.saved"));
		mvc.perform(get("/rat/beschluesse/" + councilItem)).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("geplant"), containsString("überfällig"))));
		mvc.perform(get("/backoffice/beschluesse").session(clerk)).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Glasfaser für alle Schulen"), containsString("überfällig"))));
		mvc.perform(get("/backoffice/beschluesse").session(otherClerk)).andExpect(content().string(not(containsString("Glasfaser für alle Schulen"))));
		UUID control = TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select id from council.resolution_control where agenda_item_id = ?")
			.param(councilItem).query(UUID.class).single());
		// another department's clerk cannot report on it; "not feasible" needs its reason
		mvc.perform(post("/backoffice/beschluesse/" + control + "/bericht").param("stand", "DONE").session(otherClerk).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/backoffice/beschluesse/" + control + "/bericht").param("stand", "NOT_FEASIBLE").session(clerk).with(csrf()))
			.andExpect(flash().attribute("refused", "council.control.note.reasonMissing"));
		mvc.perform(post("/backoffice/beschluesse/" + control + "/bericht").param("stand", "DONE").param("bemerkung", "Alle 14 Schulen angeschlossen.")
				.session(clerk).with(csrf()))
			.andExpect(flash().attribute("notice", "council.saved"));
		mvc.perform(get("/rat/beschluesse/" + councilItem)).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("erledigt"), containsString("Alle 14 Schulen angeschlossen."),
					not(containsString("überfällig")), not(containsString("Olga")))));
		mvc.perform(get("/oparl/v1/agendaItem/" + councilItem)).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("\"openrathaus:followUp\""), containsString("\"status\":\"DONE\""))));
	}

	@Test
	void aNonPublicPaperIsNotShownToThePublic() throws Exception {
		UUID secret = TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select id from council.paper where not public limit 1")
			.query(UUID.class).single());
		mvc.perform(get("/rat/vorlagen/" + secret)).andExpect(status().isNotFound());
		mvc.perform(get("/oparl/v1/paper/" + secret)).andExpect(status().isNotFound());
		mvc.perform(get("/rat/vorlagen").param("q", "Grundstücksangelegenheit")).andExpect(content().string(not(containsString("/0002"))));
	}

	@Test
	void nobodyButTheCouncilOfficeReachesItsPages() throws Exception {
		MockHttpSession clerk = TestAccounts.signIn(mvc, accounts.clerk("Olga", "ordnung"));
		MockHttpSession citizen = TestAccounts.signIn(mvc, accounts.citizen("Erika"));
		for (MockHttpSession someone : new MockHttpSession[] {clerk, citizen}) {
			mvc.perform(get("/ratsbuero").session(someone)).andExpect(status().isForbidden());
			mvc.perform(post("/ratsbuero/gremien").param("art", "GROUP").param("name", "Fremd").session(someone).with(csrf()))
				.andExpect(status().isForbidden());
		}
		mvc.perform(get("/ratsbuero")).andExpect(status().is3xxRedirection());
		assertThat(TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select count(*) from council.organization where name = 'Fremd'")
			.query(Integer.class).single())).isZero();
	}

	private UUID id(String table, String name) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select id from council." + table + " where name = ?").param(name)
			.query(UUID.class).single());
	}

	private UUID item(UUID meeting, String reference) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select id from council.agenda_item where meeting_id = ? and name like ?")
			.params(meeting, reference + "%").query(UUID.class).single());
	}

	private String paperStatus(UUID paper) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select status from council.paper where id = ?").param(paper)
			.query(String.class).single());
	}
}
