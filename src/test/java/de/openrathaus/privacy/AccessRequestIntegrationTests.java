// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import de.openrathaus.DogRegistrations;
import de.openrathaus.TestAccounts;
import de.openrathaus.files.PdfRendererTests;
import de.openrathaus.payment.PaymentRequests;
import de.openrathaus.payment.Payments;
import de.openrathaus.tax.Money;
import de.openrathaus.tenancy.TenantContext;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Art. 15 GDPR: a citizen downloads in the portal everything the platform keeps about them, from every
 * module (account, applications, messages, payments, e-file with its documents), readable and
 * machine-readable, and nothing about another citizen.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccessRequestIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PaymentRequests payments;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aCitizenGetsTheirDataFromEveryModuleAndNothingOfAnotherCitizen() throws Exception {
		String adelheid = accounts.citizen("Adelheid");
		String bertholda = accounts.citizen("Bertholda");
		MockHttpSession mine = TestAccounts.signIn(mvc, adelheid);
		MockHttpSession theirs = TestAccounts.signIn(mvc, bertholda);
		MockHttpSession clerk = TestAccounts.signIn(mvc, accounts.clerk("Ines", "steuern"));
		String application = DogRegistrations.submittedAndTaken(mvc, mine, clerk, "Adelheid", "276098765400151");
		DogRegistrations.submittedAndTaken(mvc, theirs, clerk, "Bertholda", "276098765400152");
		mvc.perform(post("/backoffice/faelle/" + application + "/genehmigen").param("bestaetigt", "ja").session(clerk).with(csrf()));
		mvc.perform(post("/portal/konto/anschrift").param("name", "Adelheid Auskunft").param("strasse", "Lindenallee 5")
			.param("plz", "51147").param("ort", "Musterstadt").session(mine).with(csrf()));
		String payer = accounts.idOf(adelheid).toString();
		TenantContext.runAs(accounts.tenant(), () -> transactions.executeWithoutResult(s -> payments.demand(new PaymentRequests.Demand(
				"test:" + UUID.randomUUID(), payer, null, "AUSKUNFT-1", new Money(2500), "Auskunft Testgebuehr", "Testgebühr",
				List.of(new Payments.Item("test", "Testgebühr", 1, new Money(2500), new Money(2500), "1.00", "4311000"))))));
		// the e-file holds the decision
		await().atMost(Duration.ofSeconds(20)).until(() -> TenantContext.callAs(accounts.tenant(), () -> jdbc.sql(
				"select count(*) from procedure.decision where application_id = ?::uuid and document is null").param(application)
			.query(Long.class).single()) == 1);

		mvc.perform(get("/portal/konto/auskunft").session(mine)).andExpect(status().isOk());
		mvc.perform(post("/portal/konto/auskunft").session(mine)).andExpect(status().isForbidden());
		mvc.perform(post("/portal/konto/auskunft").with(csrf())).andExpect(status().is3xxRedirection());
		byte[] zip = mvc.perform(post("/portal/konto/auskunft").session(mine).with(csrf()))
			.andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/zip"))
			.andReturn().getResponse().getContentAsByteArray();

		Map<String, byte[]> entries = unzip(zip);
		assertThat(entries).containsKeys("auskunft.pdf", "daten.json");
		JsonNode data = JsonMapper.builder().build().readTree(entries.get("daten.json"));
		for (String category : List.of("account", "applications", "correspondence", "payments", "records")) {
			assertThat(data.path("categories").path(category).path("entries").size()).as("entries of " + category).isPositive();
		}
		String json = new String(entries.get("daten.json"), StandardCharsets.UTF_8);
		assertThat(json).contains(adelheid).contains("Adelheid").contains("276098765400151").contains("Lindenallee 5")
			.contains("AUSKUNFT-1").contains("Bescheid");
		assertThat(entries.keySet()).as("the decision and the receipt from the e-file, the decision from the mailbox")
			.anyMatch(name -> name.startsWith("dateien/records/akte/") && name.contains("Bescheid"))
			.anyMatch(name -> name.startsWith("dateien/correspondence/postfach/"));
		String summary;
		try (PDDocument document = Loader.loadPDF(entries.get("auskunft.pdf"))) {
			summary = new PDFTextStripper().getText(document);
		}
		PdfRendererTests.assertPdfA2b(entries.get("auskunft.pdf"));
		assertThat(summary).contains("Auskunft nach Art. 15 DSGVO").contains("Adelheid").contains("Servicekonto")
			.contains("Anschrift für Briefe").contains("Zahlungsaufforderung").contains("Dokument in der E-Akte")
			// coded values in words, not as codes
			.contains("Bürgerin oder Bürger").contains("bewilligt").doesNotContain("CITIZEN").doesNotContain("APPROVED");

		// nothing of the other citizen, in any file of the answer
		for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
			String text = entry.getKey().endsWith(".pdf") ? pdfText(entry.getValue()) : new String(entry.getValue(), StandardCharsets.UTF_8);
			assertThat(text).as(entry.getKey()).doesNotContain("Bertholda").doesNotContain(bertholda).doesNotContain("276098765400152");
		}

		// three answers in ten minutes, then a pause
		mvc.perform(post("/portal/konto/auskunft").session(mine).with(csrf())).andExpect(status().isOk());
		mvc.perform(post("/portal/konto/auskunft").session(mine).with(csrf())).andExpect(status().isOk());
		mvc.perform(post("/portal/konto/auskunft").session(mine).with(csrf())).andExpect(redirectedUrl("/portal/konto/auskunft"));
	}

	@Test
	void theDataProtectionOfficerAnswersARequestInWritingAndSeesEveryAnswerGiven() throws Exception {
		String person = accounts.citizen("Cordula");
		accounts.citizen("Dagobert");
		MockHttpSession citizen = TestAccounts.signIn(mvc, person);
		MockHttpSession clerk = TestAccounts.signIn(mvc, accounts.clerk("Jost", "steuern"));
		DogRegistrations.submittedAndTaken(mvc, citizen, clerk, "Cordula", "276098765400153");
		MockHttpSession officer = TestAccounts.signIn(mvc, "datenschutz@musterstadt.example", "Demo-Passwort-2026");

		// neither a citizen nor a clerk may produce another person's answer
		mvc.perform(get("/datenschutz/auskunft").session(clerk)).andExpect(status().isForbidden());
		mvc.perform(post("/datenschutz/auskunft").param("email", person).session(citizen).with(csrf())).andExpect(status().isForbidden());
		// an address without an account, or a staff address, names no one and answers nothing
		mvc.perform(post("/datenschutz/auskunft").param("email", "niemand@example.org").session(officer).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
					org.hamcrest.Matchers.containsString("kein eindeutiges Servicekonto")));
		mvc.perform(post("/datenschutz/auskunft").param("email", "steuern@musterstadt.example").session(officer).with(csrf()))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
					org.hamcrest.Matchers.containsString("kein eindeutiges Servicekonto")));

		byte[] zip = mvc.perform(post("/datenschutz/auskunft").param("email", " " + person.toUpperCase() + " ").session(officer).with(csrf()))
			.andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/zip"))
			.andReturn().getResponse().getContentAsByteArray();
		String json = new String(unzip(zip).get("daten.json"), StandardCharsets.UTF_8);
		assertThat(json).contains(person).contains("276098765400153").doesNotContain("Dagobert");

		// the list shows the answer with who produced it; the portal's own answers appear too
		mvc.perform(post("/portal/konto/auskunft").session(citizen).with(csrf())).andExpect(status().isOk());
		String list = mvc.perform(get("/datenschutz/auskunft").session(officer)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(list).contains("Cordula").contains("durch die Datenschutzbeauftragte").contains("selbst im Portal");
		assertThat(TenantContext.callAs(accounts.tenant(), () -> jdbc.sql(
				"select count(*) from privacy.access_request where account_id = ?").param(accounts.idOf(person)).query(Long.class).single()))
			.isEqualTo(2);
	}

	private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		return entries;
	}

	private static String pdfText(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}
}
