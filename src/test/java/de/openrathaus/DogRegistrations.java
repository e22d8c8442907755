// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** For integration tests: a dog registration filled in and submitted through the portal, then taken on by a clerk. */
public final class DogRegistrations {

	private DogRegistrations() {
	}

	/** Returns the application's id. */
	public static String submittedAndTaken(MockMvc mvc, MockHttpSession citizen, MockHttpSession clerk, String firstName, String chip)
			throws Exception {
		String url = mvc.perform(post("/portal/antraege").param("leistung", "hund-anmelden").session(citizen).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl();
		String id = url.split("/")[3];
		step(mvc, citizen, id, "halter", "halter.vorname", firstName, "halter.nachname", "Mustermann", "halter.geburtsdatum", "12.08.1964");
		step(mvc, citizen, id, "anschrift", "anschrift.strasse", "Heidestraße", "anschrift.hausnummer", "17a", "anschrift.plz", "51147",
				"anschrift.ort", "Musterstadt");
		step(mvc, citizen, id, "hund", "hund.name", "Bello", "hund.rasse", "Labrador-Mischling", "hund.geburtsdatum", "2022-05-01",
				"hund.chipnummer", chip, "hund.gehalten_seit", "01.03.2026", "hund.gefaehrlich", "false");
		mvc.perform(multipart("/portal/antraege/" + id + "/schritt/nachweise").param("aktion", "weiter").session(citizen).with(csrf()));
		mvc.perform(post("/portal/antraege/" + id + "/absenden").session(citizen).with(csrf()));
		mvc.perform(post("/backoffice/faelle/" + id + "/uebernehmen").session(clerk).with(csrf()));
		return id;
	}

	private static void step(MockMvc mvc, MockHttpSession citizen, String id, String step, String... fields) throws Exception {
		var request = post("/portal/antraege/" + id + "/schritt/" + step).param("aktion", "weiter").session(citizen).with(csrf());
		for (int i = 0; i < fields.length; i += 2) {
			request.param(fields[i], fields[i + 1]);
		}
		mvc.perform(request);
	}
}
