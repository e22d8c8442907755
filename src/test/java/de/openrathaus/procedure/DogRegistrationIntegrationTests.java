// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.openrathaus.TestAccounts;
import de.openrathaus.TestEvents;
import de.openrathaus.files.PdfRendererTests;
import de.openrathaus.tenancy.TenantContext;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.flowable.engine.RuntimeService;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Dog registration end to end on the server: a citizen fills, uploads and submits; a clerk of the
 * tax department claims, asks, and approves with the computed dog tax. And everything a wrong
 * input, a second click, a missing CSRF token or a foreign id must not change.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DogRegistrationIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	de.openrathaus.procedure.application.ApplicationStore applicationStore;

	@Autowired
	TestEvents events;

	@Autowired
	RuntimeService runtime;

	MockHttpSession citizen;
	String citizenEmail;

	@BeforeEach
	void signIn() throws Exception {
		citizenEmail = accounts.citizen("Erika");
		citizen = TestAccounts.signIn(mvc, citizenEmail);
	}

	// --- the happy path -----------------------------------------------------------------------

	@Test
	void aCitizenRegistersADangerousDogAndAClerkAsksAndApprovesWithTheComputedTax() throws Exception {
		String id = startDraft();
		fillAllSteps(id, true);
		mvc.perform(multipart(step(id, "gefahr")).file(pdf("hund.erlaubnis", "erlaubnis.pdf")).param("aktion", "weiter")
				.session(citizen).with(csrf()))
			.andExpect(redirectedUrl(step(id, "nachweise")));
		mvc.perform(multipart(step(id, "nachweise")).param("aktion", "weiter").session(citizen).with(csrf()))
			.andExpect(redirectedUrl("/portal/antraege/" + id + "/pruefen"));
		mvc.perform(get("/portal/antraege/" + id + "/pruefen").session(citizen))
			.andExpect(content().string(containsString("276098765432101")))
			.andExpect(content().string(containsString("erlaubnis.pdf")));

		mvc.perform(post("/portal/antraege/" + id + "/absenden").session(citizen).with(csrf()))
			.andExpect(redirectedUrl("/portal/antraege/" + id + "/eingangsbestaetigung"));
		String reference = reference(id);
		assertThat(reference).matches("HUND-\\d{4}-\\d{6}");
		mvc.perform(get("/portal/antraege/" + id + "/eingangsbestaetigung").session(citizen))
			.andExpect(content().string(containsString(reference)));
		MvcResult receipt = mvc.perform(get("/portal/antraege/" + id + "/eingangsbestaetigung.pdf").session(citizen))
			.andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf")).andReturn();
		PdfRendererTests.assertPdfA2b(receipt.getResponse().getContentAsByteArray());
		assertThat(events.of(ApplicationSubmitted.class)).anyMatch(e -> e.reference().equals(reference));
		mvc.perform(get("/portal/antraege").session(citizen)).andExpect(content().string(containsString("Eingegangen")));

		String clerkEmail = accounts.clerk("Tom", "steuern");
		MockHttpSession clerk = TestAccounts.signIn(mvc, clerkEmail);
		mvc.perform(get("/backoffice").session(clerk)).andExpect(content().string(containsString(reference)));
		mvc.perform(post("/backoffice/faelle/" + id + "/uebernehmen").session(clerk).with(csrf()));
		mvc.perform(post("/backoffice/faelle/" + id + "/rueckfrage").param("frage", "Bitte senden Sie das Wesenstest-Zeugnis.")
				.session(clerk).with(csrf()));
		assertThat(statusOf(id)).isEqualTo("INFORMATION_REQUESTED");
		assertThat(events.of(InformationRequested.class)).anyMatch(e -> e.reference().equals(reference));

		mvc.perform(get("/portal/antraege/" + id).session(citizen))
			.andExpect(content().string(containsString("Bitte senden Sie das Wesenstest-Zeugnis.")));
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> mvc.perform(get("/portal/postfach").session(citizen))
			.andExpect(content().string(containsString(">neu</span>"))));
		mvc.perform(multipart("/portal/antraege/" + id + "/antwort").file(pdf("antwort.anlagen", "zeugnis.pdf"))
				.param("antwort", "Anbei das Zeugnis.").session(citizen).with(csrf()))
			.andExpect(redirectedUrl("/portal/antraege/" + id));
		assertThat(statusOf(id)).isEqualTo("IN_PROGRESS");
		// the question in the mailbox, never opened there, no longer counts as new once answered
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> mvc.perform(get("/portal/postfach").session(citizen))
			.andExpect(content().string(containsString(">beantwortet</span>")))
			.andExpect(content().string(not(containsString(">neu</span>")))));

		mvc.perform(get("/backoffice/faelle/" + id).session(clerk))
			.andExpect(content().string(containsString("Anbei das Zeugnis.")))
			.andExpect(content().string(containsString("624,00 €")));
		// without the confirmation nothing is issued
		mvc.perform(post("/backoffice/faelle/" + id + "/genehmigen").session(clerk).with(csrf()))
			.andExpect(flash().attribute("refused", "casework.approve.unconfirmed"));
		assertThat(statusOf(id)).isEqualTo("IN_PROGRESS");
		mvc.perform(post("/backoffice/faelle/" + id + "/genehmigen").param("bestaetigt", "ja").session(clerk).with(csrf()));
		assertThat(statusOf(id)).isEqualTo("APPROVED");
		assertThat(events.of(DecisionIssued.class)).anyMatch(e -> e.reference().equals(reference)
				&& e.outcome() == DecisionOutcome.APPROVED);
		MvcResult decision = mvc.perform(get("/backoffice/faelle/" + id + "/bescheid").session(clerk))
			.andExpect(status().isOk()).andReturn();
		PdfRendererTests.assertPdfA2b(decision.getResponse().getContentAsByteArray());
		try (var pdf = org.apache.pdfbox.Loader.loadPDF(decision.getResponse().getContentAsByteArray())) {
			assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf)).contains("Bescheid über die Festsetzung der Hundesteuer")
				.contains(reference).contains("gefährlicher Hund").contains("624,00 €")
				// the letter addresses the keeper by name
				.contains("Guten Tag Erika Mustermann,").doesNotContain("Sehr geehrte Damen und Herren");
		}

		// the decision arrives in the citizen's mailbox, and nobody else's
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> mvc.perform(get("/portal/postfach").session(citizen))
			.andExpect(content().string(containsString("Bescheid: Hund anmelden (" + reference + ")"))));
		String mailbox = mvc.perform(get("/portal/postfach").session(citizen)).andReturn().getResponse().getContentAsString();
		Matcher link = Pattern.compile("/portal/postfach/([0-9a-f-]{36})\"[^>]*>Bescheid: Hund").matcher(mailbox);
		assertThat(link.find()).isTrue();
		String message = link.group(1);
		MockHttpSession stranger = TestAccounts.signIn(mvc, accounts.citizen("Fremd"));
		mvc.perform(get("/portal/postfach/" + message).session(stranger)).andExpect(status().isNotFound());
		mvc.perform(get("/portal/postfach/" + message + "/dokument").session(stranger)).andExpect(status().isNotFound());
		assertThat(count("select count(*) from correspondence.mailbox_message where id = ?::uuid and first_opened_at is null", message)).isOne();
		mvc.perform(get("/portal/postfach/" + message).session(citizen)).andExpect(status().isOk());
		MvcResult document = mvc.perform(get("/portal/postfach/" + message + "/dokument").session(citizen))
			.andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf")).andReturn();
		assertThat(document.getResponse().getContentAsByteArray()).isEqualTo(decision.getResponse().getContentAsByteArray());
		assertThat(count("select count(*) from correspondence.mailbox_message where id = ?::uuid and first_opened_at is not null", message)).isOne();
		// the clerk sees the proof: the decision in the mailbox, opened
		mvc.perform(get("/backoffice/faelle/" + id).session(clerk)).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"zustellung\"")))
			.andExpect(content().string(containsString("Postfach")))
			.andExpect(content().string(containsString("geöffnet")));

		// a second approval is refused and changes nothing
		mvc.perform(post("/backoffice/faelle/" + id + "/genehmigen").param("bestaetigt", "ja").session(clerk).with(csrf()));
		assertThat(count("select count(*) from procedure.decision where application_id = ?::uuid", id)).isOne();
	}

	@Test
	void aClerkRejectsWithAReasonThatTheDecisionStates() throws Exception {
		String id = startDraft();
		fillAllSteps(id, false);
		mvc.perform(post("/portal/antraege/" + id + "/absenden").session(citizen).with(csrf()));
		MockHttpSession clerk = TestAccounts.signIn(mvc, accounts.clerk("Rita", "steuern"));
		mvc.perform(post("/backoffice/faelle/" + id + "/ablehnen").param("begruendung", "Vorzeitig").session(clerk).with(csrf()))
			.andExpect(redirectedUrl("/backoffice/faelle/" + id)).andExpect(flash().attribute("refused", "casework.refused.notYours"));
		assertThat(statusOf(id)).as("not claimed yet: refused").isEqualTo("SUBMITTED");
		mvc.perform(post("/backoffice/faelle/" + id + "/uebernehmen").session(clerk).with(csrf()));
		mvc.perform(post("/backoffice/faelle/" + id + "/ablehnen").param("begruendung", "  ").session(clerk).with(csrf()))
			.andExpect(flash().attribute("refused", "casework.reason.required"));
		assertThat(statusOf(id)).isEqualTo("IN_PROGRESS");
		mvc.perform(post("/backoffice/faelle/" + id + "/ablehnen").param("begruendung", "Der Hund ist bereits unter HUND-2025-000007 angemeldet.")
				.session(clerk).with(csrf()));
		assertThat(statusOf(id)).isEqualTo("REJECTED");
		assertThat(events.of(DecisionIssued.class)).anyMatch(e -> e.application().toString().equals(id)
				&& e.outcome() == DecisionOutcome.REJECTED);
		byte[] pdf = mvc.perform(get("/backoffice/faelle/" + id + "/bescheid").session(clerk)).andReturn().getResponse().getContentAsByteArray();
		try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)).contains("Ihr Antrag wird abgelehnt.")
				.contains("Der Hund ist bereits unter HUND-2025-000007 angemeldet.");
		}
		// the e-file's copy is searchable by the decision's own words as soon as it is filed, no extraction waited for
		String decisionVersion = """
				select count(*) from records.document_version v join records.document d on d.id = v.document_id
				  join records.record_case c on c.id = d.case_id join records.version_text t on t.version_id = v.id
				  join records.search_entry s on s.version_id = v.id
				 where c.reference = ? and d.title = 'Bescheid' and t.status = 'EXTRACTED' and t.attempts = 0
				   and t.body like '%Der Hund ist bereits unter HUND-2025-000007 angemeldet.%'
				   and s.search @@ plainto_tsquery('german', 'bereits angemeldet abgelehnt')""";
		await().atMost(Duration.ofSeconds(15)).until(() -> count(decisionVersion, reference(id)) == 1);
		assertThat(count("select count(*) from procedure.decision where application_id = ?::uuid and text is null and document is null", id))
			.as("the decision's own copy and its text are dropped once the e-file holds them").isOne();
	}

	@Test
	void aCitizenWithdrawsAnApplicationNotYetDecidedAndTheClerkCanNoLongerDecideIt() throws Exception {
		String id = startDraft();
		fillAllSteps(id, false);
		mvc.perform(post("/portal/antraege/" + id + "/absenden").session(citizen).with(csrf()));
		MockHttpSession clerk = TestAccounts.signIn(mvc, accounts.clerk("Wanda", "steuern"));
		mvc.perform(post("/backoffice/faelle/" + id + "/uebernehmen").session(clerk).with(csrf()));
		mvc.perform(get("/portal/antraege/" + id).session(citizen)).andExpect(content().string(containsString("Antrag zurückziehen")));

		// without the confirmation, or by someone else, nothing changes
		mvc.perform(post("/portal/antraege/" + id + "/zurueckziehen").session(citizen).with(csrf()))
			.andExpect(status().isOk()).andExpect(content().string(containsString("Es gibt ein Problem")))
			.andExpect(content().string(containsString("Bestätigen Sie, dass Sie den Antrag zurückziehen.")));
		MockHttpSession stranger = TestAccounts.signIn(mvc, accounts.citizen("Fremde"));
		mvc.perform(post("/portal/antraege/" + id + "/zurueckziehen").param("bestaetigt", "ja").session(stranger).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(statusOf(id)).isEqualTo("IN_PROGRESS");

		mvc.perform(post("/portal/antraege/" + id + "/zurueckziehen").param("bestaetigt", "ja").session(citizen).with(csrf()))
			.andExpect(redirectedUrl("/portal/antraege/" + id)).andExpect(flash().attribute("notice", "application.withdrawn"));
		assertThat(statusOf(id)).isEqualTo("WITHDRAWN");
		assertThat(events.of(ApplicationWithdrawn.class)).anyMatch(e -> e.application().toString().equals(id));
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).count()).as("the process ended").isZero();
		mvc.perform(get("/portal/antraege/" + id).session(citizen)).andExpect(content().string(containsString("Zurückgezogen")))
			.andExpect(content().string(not(containsString("bestaetigt-zurueckziehen"))));

		// a second withdrawal is refused; the clerk can no longer decide and finds the case among the closed ones
		mvc.perform(post("/portal/antraege/" + id + "/zurueckziehen").param("bestaetigt", "ja").session(citizen).with(csrf()))
			.andExpect(flash().attribute("notice", "application.withdraw.closed"));
		mvc.perform(post("/backoffice/faelle/" + id + "/genehmigen").param("bestaetigt", "ja").session(clerk).with(csrf()))
			.andExpect(flash().attribute("refused", "casework.refused.notYours"));
		assertThat(statusOf(id)).isEqualTo("WITHDRAWN");
		assertThat(count("select count(*) from procedure.decision where application_id = ?::uuid", id)).isZero();
		mvc.perform(get("/backoffice").session(clerk)).andExpect(content().string(not(containsString(reference(id)))));
		mvc.perform(get("/backoffice?ansicht=erledigt").session(clerk)).andExpect(content().string(containsString(reference(id))));
		mvc.perform(get("/backoffice/faelle/" + id).session(clerk)).andExpect(content().string(containsString("Zurückgezogen")))
			.andExpect(content().string(not(containsString("Genehmigen und Bescheid erteilen"))));
		// the e-file closes the case, so that its retention period starts
		await().atMost(Duration.ofSeconds(15)).until(() -> "CLOSED".equals(TenantContext.callAs(accounts.tenant(), () -> jdbc.sql(
				"select status from records.record_case where reference = ?").param(reference(id)).query(String.class).optional()
			.orElse(null))));
	}

	@Test
	void mailsLinkToTheAddressTheRequestCameInOnAndTheMailboxLinkIsClickable() throws Exception {
		String id = startDraft();
		fillAllSteps(id, false);
		mvc.perform(post("/portal/antraege/" + id + "/absenden").session(citizen).with(csrf()).with(port(8123)));
		await().atMost(Duration.ofSeconds(15)).until(() -> !mailsTo(citizenEmail).isEmpty());
		assertThat(mailsTo(citizenEmail).getFirst()).contains("http://localhost:8123/portal/antraege").doesNotContain("127.0.0.1")
			.doesNotContain(":8080");

		MockHttpSession clerk = TestAccounts.signIn(mvc, accounts.clerk("Lina", "steuern"));
		mvc.perform(post("/backoffice/faelle/" + id + "/uebernehmen").session(clerk).with(csrf()));
		mvc.perform(post("/backoffice/faelle/" + id + "/rueckfrage").param("frage", "Bitte <b>Nachweis</b> senden.")
				.session(clerk).with(csrf()).with(port(8123)));
		await().atMost(Duration.ofSeconds(15)).until(() -> mailsTo(citizenEmail).size() == 2);
		assertThat(mailsTo(citizenEmail).get(1)).contains("http://localhost:8123/portal/postfach").doesNotContain(":8080");

		String mailbox = mvc.perform(get("/portal/postfach").session(citizen)).andReturn().getResponse().getContentAsString();
		Matcher message = Pattern.compile("/portal/postfach/([0-9a-f-]{36})\"").matcher(mailbox);
		assertThat(message.find()).isTrue();
		mvc.perform(get("/portal/postfach/" + message.group(1)).session(citizen))
			.andExpect(content().string(containsString("<a href=\"/portal/antraege/" + id + "\">/portal/antraege/" + id + "</a>")))
			.andExpect(content().string(containsString("Bitte &lt;b&gt;Nachweis&lt;/b&gt; senden.")));
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor port(int port) {
		return request -> {
			request.setServerPort(port);
			return request;
		};
	}

	private List<String> mailsTo(String email) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql(
				"select body from correspondence.outgoing_mail where recipient = ? order by created_at").param(email)
			.query(String.class).list());
	}

	@Test
	void theReceiptIsHeadedWithTheProcedureAndItsAnswersStartAtOnePosition() throws Exception {
		String id = startDraft();
		fillAllSteps(id, false);
		mvc.perform(post("/portal/antraege/" + id + "/absenden").session(citizen).with(csrf()));
		byte[] pdf = mvc.perform(get("/portal/antraege/" + id + "/eingangsbestaetigung.pdf").session(citizen)).andReturn()
			.getResponse().getContentAsByteArray();
		java.util.Map<String, Float> starts = new java.util.HashMap<>();
		List<String> lines = new ArrayList<>();
		try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			var stripper = new org.apache.pdfbox.text.PDFTextStripper() {
				@Override
				protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> positions) throws IOException {
					lines.add(text);
					for (String value : List.of("Erika", "Heidestraße", "Labrador-Mischling")) {
						int at = text.indexOf(value);
						if (at >= 0 && at < positions.size()) {
							starts.putIfAbsent(value, positions.get(at).getXDirAdj());
						}
					}
					super.writeString(text, positions);
				}
			};
			stripper.getText(document);
		}
		assertThat(lines).contains("Eingangsbestätigung: Hund anmelden");
		assertThat(String.join("\n", lines)).doesNotContain("Eingangsbestätigung: Eingangsbestätigung");
		assertThat(starts).as("answers of three sections").hasSize(3);
		assertThat(starts.get("Heidestraße")).as("address answers start where the keeper's do").isCloseTo(starts.get("Erika"),
				org.assertj.core.data.Offset.offset(0.5f));
		assertThat(starts.get("Labrador-Mischling")).as("dog answers start where the keeper's do").isCloseTo(starts.get("Erika"),
				org.assertj.core.data.Offset.offset(0.5f));
	}

	// --- bad input -------------------------------------------------------------------------------

	@Test
	void eachFieldRuleIsExplainedAndNothingIsStored() throws Exception {
		String id = startDraft();
		mvc.perform(post(step(id, "halter")).param("halter.vorname", "").param("halter.nachname", "Muster")
				.param("halter.geburtsdatum", "31.02.1980").param("aktion", "weiter").session(citizen).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Es gibt ein Problem")))
			.andExpect(content().string(containsString("href=\"#f-halter-vorname\"")))
			.andExpect(content().string(containsString("Geben Sie „Vorname“ an.")))
			.andExpect(content().string(containsString("„Geburtsdatum“ muss ein gültiges Datum sein")));
		mvc.perform(post(step(id, "halter")).param("halter.vorname", "Erika").param("halter.nachname", "Muster")
				.param("halter.geburtsdatum", "01.01.2020").param("aktion", "weiter").session(citizen).with(csrf()))
			.andExpect(content().string(containsString("jünger als 16 Jahre")));
		mvc.perform(post(step(id, "anschrift")).param("anschrift.strasse", "Hauptstraße").param("anschrift.hausnummer", "zwölf")
				.param("anschrift.plz", "1234").param("anschrift.ort", "Musterstadt").param("aktion", "weiter").session(citizen).with(csrf()))
			.andExpect(content().string(containsString("Die Postleitzahl hat genau 5 Ziffern.")))
			.andExpect(content().string(containsString("Geben Sie die Hausnummer mit Ziffern ein")));
		mvc.perform(post(step(id, "hund")).param("hund.name", "Bello").param("hund.rasse", "x".repeat(101))
				.param("hund.geburtsdatum", "01.01.2030").param("hund.chipnummer", "27609876543210")
				.param("hund.gehalten_seit", "01.01.2020").param("aktion", "weiter").session(citizen).with(csrf()))
			.andExpect(content().string(containsString("„Rasse“ darf höchstens 100 Zeichen lang sein.")))
			.andExpect(content().string(containsString("„Geburtsdatum des Hundes“ darf nicht in der Zukunft liegen.")))
			.andExpect(content().string(containsString("Die Chipnummer besteht aus genau 15 Ziffern")))
			.andExpect(content().string(containsString("Wählen Sie bei „Ist der Hund ein gefährlicher Hund")));
		mvc.perform(post(step(id, "hund")).param("hund.name", "Bello").param("hund.rasse", "Mischling")
				.param("hund.geburtsdatum", "01.05.2022").param("hund.chipnummer", "276098765432101")
				.param("hund.gehalten_seit", "01.01.2021").param("hund.gefaehrlich", "false").param("aktion", "weiter")
				.session(citizen).with(csrf()))
			.andExpect(content().string(containsString("„Gehalten seit“ darf nicht vor dem 01.05.2022 liegen")));
		assertThat(data(id)).isEqualTo("{}");
	}

	@Test
	void aDraftKeepsIncompleteAnswersAndResumesWhereTheyStop() throws Exception {
		String id = startDraft();
		mvc.perform(post(step(id, "halter")).param("halter.vorname", "Erika").param("halter.nachname", "")
				.param("aktion", "entwurf").session(citizen).with(csrf()))
			.andExpect(redirectedUrl("/portal/antraege"));
		assertThat(data(id)).contains("Erika");
		// encrypted at rest: the row holds no answer in plain text
		assertThat(single("select data::text || coalesce(encode(sealed_data, 'escape'), '') from procedure.application where id = ?::uuid", id))
			.doesNotContain("Erika");
		mvc.perform(get("/portal/antraege/" + id).session(citizen)).andExpect(redirectedUrl(step(id, "halter")));
		mvc.perform(get(step(id, "halter")).session(citizen)).andExpect(content().string(containsString("value=\"Erika\"")));
	}

	@Test
	void anOversizedAttachmentIsRefusedAndNotStored() throws Exception {
		String id = startDraft();
		fillAllSteps(id, true);
		byte[] big = pdfBytes(6 * 1024 * 1024);
		mvc.perform(multipart(step(id, "gefahr")).file(new MockMultipartFile("hund.erlaubnis", "gross.pdf", "application/pdf", big))
				.param("aktion", "weiter").session(citizen).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Die Datei „gross.pdf“ ist zu groß. „Erlaubnis der Ordnungsbehörde“ darf höchstens 5 MB groß sein.")));
		assertThat(attachments(id)).isZero();
	}

	@Test
	void aFileWhoseContentIsNotOfAnAllowedTypeIsRefusedWhateverItsName() throws Exception {
		String id = startDraft();
		fillAllSteps(id, true);
		byte[] executable = {0x4d, 0x5a, (byte) 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, (byte) 0xff, (byte) 0xff};
		mvc.perform(multipart(step(id, "gefahr")).file(new MockMultipartFile("hund.erlaubnis", "erlaubnis.pdf", "application/pdf", executable))
				.param("aktion", "weiter").session(citizen).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Die Datei „erlaubnis.pdf“ ist kein zulässiges Format. Erlaubt sind: PDF, JPEG, PNG.")));
		assertThat(attachments(id)).isZero();
		mvc.perform(multipart(step(id, "gefahr")).param("aktion", "weiter").session(citizen).with(csrf()))
			.andExpect(content().string(containsString("Laden Sie „Erlaubnis der Ordnungsbehörde“ hoch.")));
	}

	@Test
	void submittingTwiceGivesExactlyOneCase() throws Exception {
		String id = startDraft();
		fillAllSteps(id, false);
		List<Thread> clicks = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			clicks.add(Thread.ofVirtual().start(() -> {
				try {
					mvc.perform(post("/portal/antraege/" + id + "/absenden").session(citizen).with(csrf()))
						.andExpect(redirectedUrl("/portal/antraege/" + id + "/eingangsbestaetigung"));
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
			}));
		}
		for (Thread click : clicks) {
			click.join();
		}
		mvc.perform(post("/portal/antraege/" + id + "/absenden").session(citizen).with(csrf()))
			.andExpect(redirectedUrl("/portal/antraege/" + id + "/eingangsbestaetigung"));
		String reference = reference(id);
		assertThat(events.of(ApplicationSubmitted.class).stream().filter(e -> e.application().toString().equals(id))).hasSize(1);
		assertThat(count("select count(*) from procedure.application where reference = ?", reference)).isOne();
	}

	@Test
	void withoutCsrfTokenNothingChanges() throws Exception {
		String id = startDraft();
		fillAllSteps(id, false);
		mvc.perform(post("/portal/antraege/" + id + "/absenden").session(citizen)).andExpect(status().isForbidden());
		mvc.perform(post(step(id, "halter")).param("halter.vorname", "Mallory").param("aktion", "weiter").session(citizen))
			.andExpect(status().isForbidden());
		assertThat(statusOf(id)).isEqualTo("DRAFT");
		assertThat(data(id)).doesNotContain("Mallory");
	}

	@Test
	void anotherCitizensOrAnotherDepartmentsCaseIsNotFound() throws Exception {
		String id = startDraft();
		fillAllSteps(id, false);
		MockHttpSession other = TestAccounts.signIn(mvc, accounts.citizen("Mallory"));
		mvc.perform(get("/portal/antraege/" + id).session(other)).andExpect(status().isNotFound());
		mvc.perform(get(step(id, "halter")).session(other)).andExpect(status().isNotFound());
		mvc.perform(post(step(id, "halter")).param("halter.vorname", "Mallory").param("aktion", "weiter").session(other).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/portal/antraege/" + id + "/absenden").session(other).with(csrf())).andExpect(status().isNotFound());
		mvc.perform(get("/portal/antraege").session(other)).andExpect(content().string(not(containsString(id))));
		assertThat(statusOf(id)).isEqualTo("DRAFT");
		assertThat(data(id)).doesNotContain("Mallory");

		mvc.perform(post("/portal/antraege/" + id + "/absenden").session(citizen).with(csrf()));
		MockHttpSession otherClerk = TestAccounts.signIn(mvc, accounts.clerk("Olga", "ordnung"));
		mvc.perform(get("/backoffice/faelle/" + id).session(otherClerk)).andExpect(status().isNotFound());
		mvc.perform(post("/backoffice/faelle/" + id + "/uebernehmen").session(otherClerk).with(csrf())).andExpect(status().isNotFound());
		mvc.perform(get("/backoffice/faelle/" + id).session(citizen)).andExpect(status().isForbidden());
		assertThat(statusOf(id)).isEqualTo("SUBMITTED");
	}

	@Test
	void aProcedureAskingForAHigherTrustLevelShowsTheStepUpPage() throws Exception {
		mvc.perform(get("/portal/antraege/neu").param("leistung", "bewohnerparkausweis").session(citizen))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Dafür brauchen Sie ein höheres Vertrauensniveau")));
		mvc.perform(post("/portal/antraege").param("leistung", "bewohnerparkausweis").session(citizen).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Dafür brauchen Sie ein höheres Vertrauensniveau")));
		assertThat(count("select count(*) from procedure.application where applicant_id = ?", accounts.idOf(citizenEmail))).isZero();
	}

	@Test
	void servicesCanBeFoundBySearch() throws Exception {
		mvc.perform(get("/leistungen").param("q", "hunde")).andExpect(content().string(containsString("Hund anmelden")))
			.andExpect(content().string(not(containsString("Bewohnerparkausweis beantragen"))));
		mvc.perform(get("/")).andExpect(content().string(containsString("Bewohnerparkausweis beantragen")));
		mvc.perform(get("/leistungen").param("q", "dog").param("lang", "en"))
			.andExpect(content().string(containsString("Register a dog")))
			.andExpect(content().string(containsString("Search for a service")));
	}

	// --- helpers -----------------------------------------------------------------------------------

	private String startDraft() throws Exception {
		MvcResult result = mvc.perform(post("/portal/antraege").param("leistung", "hund-anmelden").session(citizen).with(csrf()))
			.andExpect(status().is3xxRedirection()).andReturn();
		String url = result.getResponse().getRedirectedUrl();
		assertThat(url).endsWith("/schritt/halter");
		return url.split("/")[3];
	}

	private void fillAllSteps(String id, boolean dangerous) throws Exception {
		mvc.perform(post(step(id, "halter")).param("halter.vorname", "Erika").param("halter.nachname", "Mustermann")
				.param("halter.geburtsdatum", "12.08.1964").param("aktion", "weiter").session(citizen).with(csrf()))
			.andExpect(redirectedUrl(step(id, "anschrift")));
		mvc.perform(post(step(id, "anschrift")).param("anschrift.strasse", "Heidestraße").param("anschrift.hausnummer", "17a")
				.param("anschrift.plz", "51147").param("anschrift.ort", "Musterstadt").param("aktion", "weiter").session(citizen).with(csrf()))
			.andExpect(redirectedUrl(step(id, "hund")));
		mvc.perform(post(step(id, "hund")).param("hund.name", "Bello").param("hund.rasse", "Labrador-Mischling")
				.param("hund.geburtsdatum", "2022-05-01").param("hund.chipnummer", "276098765432101")
				.param("hund.gehalten_seit", "01.03.2026").param("hund.gefaehrlich", String.valueOf(dangerous))
				.param("aktion", "weiter").session(citizen).with(csrf()))
			.andExpect(redirectedUrl(step(id, dangerous ? "gefahr" : "nachweise")));
	}

	private static String step(String id, String step) {
		return "/portal/antraege/" + id + "/schritt/" + step;
	}

	static MockMultipartFile pdf(String field, String name) throws IOException {
		return new MockMultipartFile(field, name, "application/pdf", pdfBytes(0));
	}

	static byte[] pdfBytes(int padding) throws IOException {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.addPage(new PDPage());
			document.save(out);
			byte[] pdf = out.toByteArray();
			byte[] padded = new byte[pdf.length + padding];
			System.arraycopy(pdf, 0, padded, 0, pdf.length);
			return padded;
		}
	}

	private String statusOf(String id) {
		return single("select status from procedure.application where id = ?::uuid", id);
	}

	private String reference(String id) {
		return single("select reference from procedure.application where id = ?::uuid", id);
	}

	/** The answers as the application keeps them (sealed in the database, ADR 38), as JSON with sorted keys. */
	private String data(String id) {
		return TenantContext.callAs(accounts.tenant(), () -> tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(
				new java.util.TreeMap<>(applicationStore.find(new de.openrathaus.procedure.ApplicationId(UUID.fromString(id))).orElseThrow().data())));
	}

	private long attachments(String id) {
		return count("select count(*) from procedure.attachment where application_id = ?::uuid", id);
	}

	private String single(String sql, Object param) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql(sql).param(param).query(String.class).single());
	}

	private long count(String sql, Object param) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql(sql).param(param).query(Long.class).single());
	}

	static UUID uuid(String id) {
		return UUID.fromString(id);
	}
}
