// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.casework;

import static de.openrathaus.FederatedTestSignIn.randomSubject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import de.openrathaus.FederatedTestSignIn;
import de.openrathaus.TestAccounts;
import de.openrathaus.account.FederatedIdentity;
import de.openrathaus.account.TrustLevel;
import de.openrathaus.files.PdfRendererTests;
import de.openrathaus.procedure.ApplicationId;
import de.openrathaus.procedure.application.ApplicationService;
import de.openrathaus.tenancy.TenantContext;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The resident parking permit after its fee is paid (the payment's confirmation submits it, as
 * {@code FeeCheckout} does; the browser journey pays through the simulator): an address in a zone of
 * the demo municipality is approved by the system once, with the permit in the mailbox and an audit
 * entry; an address in no zone stays with the clerks, who see why and cannot issue a permit without
 * a zone.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ResidentParkingPermitIntegrationTests {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	FederatedTestSignIn federated;

	@Autowired
	ApplicationService applications;

	@Autowired
	CaseworkService casework;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAddressInAZoneIsApprovedAutomaticallyOnceWithThePermitInTheMailbox() throws Exception {
		MockHttpSession citizen = signIn("Lindenallee 12", "54321");
		String id = fillIn(citizen, "2");
		// the zone is not asked: derived from the address and shown before paying
		mvc.perform(get("/portal/antraege/" + id + "/pruefen").session(citizen))
			.andExpect(content().string(allOf(containsString("Zone A – Altstadt"), containsString("Aus Ihrer Adresse ermittelt"),
					containsString("61,20 €"))));

		paid(id);
		await().atMost(Duration.ofSeconds(30)).until(() -> "APPROVED".equals(column(id, "status")));
		String reference = column(id, "reference");
		assertThat(count("select count(*) from procedure.decision where application_id = ?::uuid and automatic and decided_by is null", id)).isOne();
		assertThat(count("select count(*) from procedure.automatic_check where application_id = ?::uuid and outcome = 'APPROVED'", id)).isOne();

		// the permit: PDF/A-2b with zone, plate, validity for the two years paid, holder and address, in the citizen's mailbox
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc.perform(get("/portal/postfach").session(citizen))
			.andExpect(content().string(containsString("Bescheid: Bewohnerparkausweis beantragen (" + reference + ")"))));
		String mailbox = mvc.perform(get("/portal/postfach").session(citizen)).andReturn().getResponse().getContentAsString();
		java.util.regex.Matcher link = java.util.regex.Pattern.compile("/portal/postfach/([0-9a-f-]{36})\"[^>]*>Bescheid: Bewohnerpark").matcher(mailbox);
		assertThat(link.find()).isTrue();
		byte[] permit = mvc.perform(get("/portal/postfach/" + link.group(1) + "/dokument").session(citizen))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		PdfRendererTests.assertPdfA2b(permit);
		LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
		try (PDDocument pdf = Loader.loadPDF(permit)) {
			assertThat(new PDFTextStripper().getText(pdf)).contains("Bewohnerparkausweis").contains(reference)
				.contains("Zone A – Altstadt").contains("MS-AB 123").contains("Max Mustermann").contains("Lindenallee 12")
				.contains("54321 Musterstadt").contains(today.format(DATE)).contains(today.plusYears(2).minusDays(1).format(DATE))
				.contains("automatisiert erlassen");
		}
		// the audit trail says the system decided; the clerk sees "automatisch beschieden"
		await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from records.audit_entry where action = 'DECIDED_AUTOMATICALLY' "
				+ "and object like ?", "case " + reference + "%") == 1);
		MockHttpSession clerk = TestAccounts.signIn(mvc, accounts.clerk("Olga", "ordnung"));
		mvc.perform(get("/backoffice/faelle/" + id).session(clerk))
			.andExpect(content().string(allOf(containsString("automatisch beschieden"), not(containsString("Fall übernehmen")))));
		mvc.perform(get("/backoffice").param("ansicht", "erledigt").session(clerk))
			.andExpect(content().string(containsString(reference)))
			.andExpect(content().string(containsString("automatisch beschieden")));

		// a repeated event decides nothing a second time
		TenantContext.runAs(accounts.tenant(), () -> casework.decideAutomatically(ApplicationId.of(id)));
		assertThat(count("select count(*) from procedure.decision where application_id = ?::uuid", id)).isOne();
	}

	@Test
	void anAddressInNoZoneGoesToTheClerkWithTheReasonAndNoPermitIsIssuedWithoutAZone() throws Exception {
		MockHttpSession citizen = signIn("Heidestraße 17", "54321");
		String id = fillIn(citizen, "1");
		mvc.perform(get("/portal/antraege/" + id + "/pruefen").session(citizen))
			.andExpect(content().string(containsString("Ihre Hausnummer liegt außerhalb der Bewohnerparkgebiete Ihrer Straße")));

		paid(id);
		await().atMost(Duration.ofSeconds(30)).until(() -> count(
				"select count(*) from procedure.automatic_check where application_id = ?::uuid and outcome = 'REFERRED'", id) == 1);
		assertThat(column(id, "status")).isEqualTo("SUBMITTED");
		assertThat(count("select count(*) from procedure.decision where application_id = ?::uuid", id)).isZero();

		MockHttpSession clerk = TestAccounts.signIn(mvc, accounts.clerk("Otto", "ordnung"));
		mvc.perform(get("/backoffice/faelle/" + id).session(clerk))
			.andExpect(content().string(allOf(containsString("Automatische Prüfung: nicht entschieden"),
					containsString("Die Straße gehört zu einem Bewohnerparkgebiet, diese Hausnummer aber nicht."))));
		mvc.perform(post("/backoffice/faelle/" + id + "/uebernehmen").session(clerk).with(csrf()));
		mvc.perform(post("/backoffice/faelle/" + id + "/genehmigen").param("bestaetigt", "ja").session(clerk).with(csrf()))
			.andExpect(flash().attribute("refused", "casework.parking.noZone"));
		assertThat(column(id, "status")).isEqualTo("IN_PROGRESS");

		// the administrator extends zone C to the house; the clerk (who has the case) now issues the permit, not the system
		MockHttpSession admin = TestAccounts.signIn(mvc, "verwaltung@musterstadt.example", "Demo-Passwort-2026");
		mvc.perform(post("/admin/parkzonen/C/strassen").param("strasse", "Heidestr.").param("plz", "54321").param("von", "17")
				.param("bis", "17").param("seite", "ALL").session(admin).with(csrf()))
			.andExpect(redirectedUrl("/admin/parkzonen/C"));
		TenantContext.runAs(accounts.tenant(), () -> casework.decideAutomatically(ApplicationId.of(id)));
		assertThat(column(id, "status")).isEqualTo("IN_PROGRESS");
		mvc.perform(post("/backoffice/faelle/" + id + "/genehmigen").param("bestaetigt", "ja").session(clerk).with(csrf()));
		assertThat(column(id, "status")).isEqualTo("APPROVED");
		assertThat(count("select count(*) from procedure.decision where application_id = ?::uuid and not automatic and decided_by is not null", id))
			.isOne();
	}

	private MockHttpSession signIn(String street, String postalCode) throws Exception {
		FederatedIdentity.Person person = new FederatedIdentity.Person("Max", "Mustermann", LocalDate.of(1978, 3, 21), street, postalCode,
				"Musterstadt", "DE", null);
		return federated.signIn(new FederatedIdentity(FederatedTestSignIn.BUNDID, randomSubject(), TrustLevel.SUBSTANTIAL, person, null))
			.session();
	}

	/** Starts the permit and answers every step (the applicant's details come from BundID). */
	private String fillIn(MockHttpSession citizen, String years) throws Exception {
		String url = mvc.perform(post("/portal/antraege").param("leistung", "bewohnerparkausweis").session(citizen).with(csrf()))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		String id = url.split("/")[3];
		mvc.perform(post(step(id, "antragsteller")).param("aktion", "weiter").session(citizen).with(csrf()))
			.andExpect(redirectedUrl(step(id, "fahrzeug")));
		mvc.perform(post(step(id, "fahrzeug")).param("fahrzeug.kennzeichen", "MS-AB 123").param("fahrzeug.jahre", years)
				.param("aktion", "weiter").session(citizen).with(csrf()))
			.andExpect(redirectedUrl(step(id, "nachweise")));
		mvc.perform(multipart(step(id, "nachweise")).file(new MockMultipartFile("fahrzeug.zulassung", "zulassung.pdf", "application/pdf", pdf()))
				.param("aktion", "weiter").session(citizen).with(csrf()))
			.andExpect(redirectedUrl("/portal/antraege/" + id + "/pruefen"));
		return id;
	}

	/** What the payment's confirmation does (FeeCheckout hears PaymentSettled): the paid draft is submitted. */
	private void paid(String id) {
		TenantContext.runAs(accounts.tenant(), () -> applications.submitPaid(ApplicationId.of(id)));
		assertThat(column(id, "status")).isIn("SUBMITTED", "APPROVED");
	}

	private static byte[] pdf() throws Exception {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.addPage(new PDPage());
			document.save(out);
			return out.toByteArray();
		}
	}

	private static String step(String id, String step) {
		return "/portal/antraege/" + id + "/schritt/" + step;
	}

	private String column(String id, String column) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select " + column + "::text from procedure.application where id = ?")
			.param(UUID.fromString(id)).query(String.class).single());
	}

	private long count(String sql, Object... params) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql(sql).params(params).query(Long.class).single());
	}
}
