// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.privacy.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import de.openrathaus.TestAccounts;
import de.openrathaus.tenancy.TenantContext;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The officer records breaches; the page warns of one past its 72 hours and one in its last day; a late notification
 * needs the reasons for the delay; "no notification" needs its reason; nobody else reaches the register.
 */
@SpringBootTest
@AutoConfigureMockMvc
class IncidentRegisterIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void theOfficerIsWarnedOfDeadlinesAndALateNotificationNeedsItsReasons() throws Exception {
		MockHttpSession officer = TestAccounts.signIn(mvc, "datenschutz@musterstadt.example", "Demo-Passwort-2026");
		mvc.perform(post("/datenschutz/vorfaelle").session(officer).with(csrf()).param("titel", "Fehlversand Bescheid")
				.param("beschreibung", "Ein Bescheid ging an eine falsche Anschrift.").param("bekannt_seit", hoursAgo(80)))
			.andExpect(flash().attribute("notice", "privacy.incident.recorded"));
		mvc.perform(post("/datenschutz/vorfaelle").session(officer).with(csrf()).param("titel", "Verlorener USB-Stick")
				.param("beschreibung", "Unverschlüsselt, mit einer Liste von Antragstellenden.").param("bekannt_seit", hoursAgo(60)))
			.andExpect(flash().attribute("notice", "privacy.incident.recorded"));
		mvc.perform(post("/datenschutz/vorfaelle").session(officer).with(csrf()).param("titel", "Zukunft").param("beschreibung", "x")
				.param("bekannt_seit", LocalDateTime.now(clock).plusHours(2).truncatedTo(ChronoUnit.MINUTES).toString()))
			.andExpect(flash().attribute("refused", "privacy.incident.time.future"));

		mvc.perform(get("/datenschutz/vorfaelle").session(officer)).andExpect(status().isOk()).andExpect(content().string(allOf(
				containsString("Fehlversand Bescheid: Die 72-Stunden-Frist ist am"), containsString("Verlorener USB-Stick: Die Meldefrist endet am"),
				containsString("Frist abgelaufen, nicht gemeldet"))));

		String late = id("Fehlversand Bescheid");
		mvc.perform(post("/datenschutz/vorfaelle/" + late + "/gemeldet").session(officer).with(csrf()))
			.andExpect(flash().attribute("refused", "privacy.incident.late.reason"));
		mvc.perform(post("/datenschutz/vorfaelle/" + late + "/gemeldet").session(officer).with(csrf())
				.param("verzoegerung", "Der Vorfall wurde erst nach dem Wochenende an die Datenschutzbeauftragte weitergegeben."))
			.andExpect(flash().attribute("notice", "privacy.incident.notifiedSaved"));
		mvc.perform(post("/datenschutz/vorfaelle/" + late + "/keine-meldung").session(officer).with(csrf()).param("begruendung", "doch nicht"))
			.andExpect(flash().attribute("refused", "privacy.incident.settled"));

		String stick = id("Verlorener USB-Stick");
		mvc.perform(post("/datenschutz/vorfaelle/" + stick + "/keine-meldung").session(officer).with(csrf()))
			.andExpect(flash().attribute("refused", "privacy.incident.notRequired.reason"));
		mvc.perform(post("/datenschutz/vorfaelle/" + stick + "/keine-meldung").session(officer).with(csrf())
				.param("begruendung", "Der Stick wurde ungeöffnet im Rathaus gefunden."))
			.andExpect(flash().attribute("notice", "privacy.incident.notRequiredSaved"));
		mvc.perform(get("/datenschutz/vorfaelle").session(officer))
			.andExpect(content().string(allOf(containsString("gemeldet"), containsString("keine Meldung erforderlich"))))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("Meldefristen laufen ab"))));
		assertThat(TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select late_reason from privacy.incident where id = ?::uuid")
			.param(late).query(String.class).single())).startsWith("Der Vorfall wurde erst");
	}

	@Test
	void nobodyButTheOfficerReachesTheIncidents() throws Exception {
		MockHttpSession admin = TestAccounts.signIn(mvc, "verwaltung@musterstadt.example", "Demo-Passwort-2026");
		mvc.perform(get("/datenschutz/vorfaelle").session(admin)).andExpect(status().isForbidden());
		mvc.perform(post("/datenschutz/vorfaelle").session(admin).with(csrf()).param("titel", "x").param("beschreibung", "y"))
			.andExpect(status().isForbidden());
	}

	private String hoursAgo(int hours) {
		return LocalDateTime.now(clock).minus(Duration.ofHours(hours)).truncatedTo(ChronoUnit.MINUTES).toString();
	}

	private String id(String title) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select id::text from privacy.incident where title = ?").param(title)
			.query(String.class).single());
	}
}
