// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.parking.zones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.openrathaus.TestAccounts;
import de.openrathaus.parking.ParkingZone;
import de.openrathaus.parking.ParkingZones;
import de.openrathaus.parking.ZoneLookup;
import de.openrathaus.tenancy.TenantContext;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The administrator keeps the zones and their streets on pages; the address lookup follows at once;
 * bad input and overlapping ranges are refused with nothing changed; nobody else reaches the pages.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ParkingZoneAdministrationIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	ParkingZones zones;

	@Test
	void theDemoMunicipalityHasTheZonesTheFormOffered() {
		assertThat(lookup("Lindenallee 12", "54321")).isEqualTo(ZoneLookup.in(new ParkingZone("A", "Altstadt")));
		assertThat(lookup("Am Mühlenbach 6", "54322").zone().code()).isEqualTo("B");
		assertThat(lookup("Schlossallee 1", null).zone().code()).isEqualTo("C");
		assertThat(lookup("Heidestraße 17", "54321").result()).isEqualTo(ZoneLookup.Result.NUMBER_NOT_IN_RANGE);
		assertThat(lookup("Lindenallee 12", "51147").result()).isEqualTo(ZoneLookup.Result.STREET_NOT_IN_ZONE);
		assertThat(lookup("Lindenallee", "54321").result()).isEqualTo(ZoneLookup.Result.NO_HOUSE_NUMBER);
	}

	@Test
	void anAdministratorAddsAZoneWithStreetsAndTheLookupFindsIt() throws Exception {
		MockHttpSession admin = TestAccounts.signIn(mvc, "verwaltung@musterstadt.example", "Demo-Passwort-2026");
		mvc.perform(post("/admin/parkzonen").param("kuerzel", "d").param("name", "Domviertel").session(admin).with(csrf()))
			.andExpect(redirectedUrl("/admin/parkzonen/D"));
		mvc.perform(post("/admin/parkzonen/D/strassen").param("strasse", "Domplatz").param("von", "1").param("bis", "20")
				.param("seite", "EVEN").session(admin).with(csrf()))
			.andExpect(redirectedUrl("/admin/parkzonen/D")).andExpect(flash().attribute("notice", "parking.street.added"));
		assertThat(lookup("Domplatz 4", "54321").zone()).isEqualTo(new ParkingZone("D", "Domviertel"));
		assertThat(lookup("Domplatz 5", "54321").result()).isEqualTo(ZoneLookup.Result.NUMBER_NOT_IN_RANGE);
		mvc.perform(get("/admin/parkzonen/D").session(admin))
			.andExpect(content().string(allOf(containsString("Zone D – Domviertel"), containsString("Domplatz"),
					containsString("1–20"), containsString("nur gerade Hausnummern"))));

		// refused, nothing changed: a taken code, a range overlapping another zone's, a house number in the street, from > to
		mvc.perform(post("/admin/parkzonen").param("kuerzel", "A").param("name", "Noch eine Altstadt").session(admin).with(csrf()))
			.andExpect(flash().attribute("refused", "parking.zone.code.taken"));
		mvc.perform(post("/admin/parkzonen/D/strassen").param("strasse", "Lindenallee").param("von", "30").session(admin).with(csrf()))
			.andExpect(flash().attribute("refused", "parking.street.overlaps"));
		mvc.perform(post("/admin/parkzonen/D/strassen").param("strasse", "Domplatz 3").session(admin).with(csrf()))
			.andExpect(flash().attribute("refused", "parking.street.invalid"));
		mvc.perform(post("/admin/parkzonen/D/strassen").param("strasse", "Domgasse").param("von", "9").param("bis", "3").session(admin).with(csrf()))
			.andExpect(flash().attribute("refused", "parking.street.range.invalid"));
		assertThat(lookup("Lindenallee 30", "54321").zone().code()).isEqualTo("A");
		assertThat(lookup("Domgasse 5", "54321").found()).isFalse();

		mvc.perform(post("/admin/parkzonen/D/entfernen").session(admin).with(csrf())).andExpect(redirectedUrl("/admin/parkzonen"));
		assertThat(lookup("Domplatz 4", "54321").found()).isFalse();
	}

	@Test
	void nobodyButTheAdministratorReachesThePages() throws Exception {
		MockHttpSession clerk = TestAccounts.signIn(mvc, accounts.clerk("Olga", "ordnung"));
		MockHttpSession citizen = TestAccounts.signIn(mvc, accounts.citizen("Erika"));
		for (MockHttpSession someone : new MockHttpSession[] {clerk, citizen}) {
			mvc.perform(get("/admin/parkzonen").session(someone)).andExpect(status().isForbidden());
			mvc.perform(post("/admin/parkzonen").param("kuerzel", "X").param("name", "Fremd").session(someone).with(csrf()))
				.andExpect(status().isForbidden());
		}
		mvc.perform(get("/admin/parkzonen")).andExpect(status().is3xxRedirection());
		assertThat(TenantContext.callAs(accounts.tenant(), () -> zones.lookup("Lindenallee 1", null).zone().code())).isEqualTo("A");
	}

	private ZoneLookup lookup(String line, String postalCode) {
		return TenantContext.callAs(accounts.tenant(), () -> zones.lookup(line, postalCode));
	}
}
