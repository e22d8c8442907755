// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.openrathaus.TestAccounts;
import de.openrathaus.files.PdfSamples;
import de.openrathaus.tenancy.TenantContext;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * A file is a PDF only if it opens as one and runs nothing; every download, wherever it is offered,
 * is an attachment with nosniff and a file name whose extension matches what the file really is.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DownloadSafetyIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void htmlBehindAPdfSignatureAndPdfsWithActiveContentAreRefusedAndEveryDownloadIsASafeAttachment() throws Exception {
		MockHttpSession citizen = TestAccounts.signIn(mvc, accounts.citizen("Paula"));
		String id = mvc.perform(post("/portal/antraege").param("leistung", "hund-anmelden").session(citizen).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl().split("/")[3];
		String step = "/portal/antraege/" + id + "/schritt/";
		mvc.perform(post(step + "halter").param("halter.vorname", "Paula").param("halter.nachname", "Poly")
			.param("halter.geburtsdatum", "01.01.1980").param("aktion", "weiter").session(citizen).with(csrf()));
		mvc.perform(post(step + "anschrift").param("anschrift.strasse", "Weg").param("anschrift.hausnummer", "1")
			.param("anschrift.plz", "12345").param("anschrift.ort", "Musterstadt").param("aktion", "weiter").session(citizen).with(csrf()));
		mvc.perform(post(step + "hund").param("hund.name", "Rex").param("hund.rasse", "Rottweiler").param("hund.geburtsdatum", "01.01.2022")
			.param("hund.chipnummer", "276000000000077").param("hund.gehalten_seit", "01.02.2026").param("hund.gefaehrlich", "true")
			.param("aktion", "weiter").session(citizen).with(csrf()));

		byte[] polyglot = "%PDF-1.7\n<html><body><script>fetch('/portal/postfach')</script></body></html>\n".getBytes(StandardCharsets.US_ASCII);
		mvc.perform(multipart(step + "gefahr").file(new MockMultipartFile("hund.erlaubnis", "poly.html", "text/html", polyglot))
				.param("aktion", "weiter").session(citizen).with(csrf()))
			.andExpect(content().string(containsString("Die Datei „poly.html“ ist keine lesbare PDF-Datei.")));
		mvc.perform(multipart(step + "gefahr").file(new MockMultipartFile("hund.erlaubnis", "erlaubnis.pdf", "application/pdf",
				PdfSamples.withOpenActionJavaScript())).param("aktion", "weiter").session(citizen).with(csrf()))
			.andExpect(content().string(containsString("Die Datei „erlaubnis.pdf“ enthält JavaScript oder Aktionen, die Programme starten")));
		mvc.perform(multipart(step + "gefahr").file(new MockMultipartFile("hund.erlaubnis", "erlaubnis.pdf", "application/pdf",
				PdfSamples.withLaunchLink())).param("aktion", "weiter").session(citizen).with(csrf()))
			.andExpect(content().string(containsString("enthält JavaScript oder Aktionen, die Programme starten")));
		assertThat(attachments(id)).isZero();

		// a real PDF under a misleading name is accepted, and downloaded under a name that says PDF
		mvc.perform(multipart(step + "gefahr").file(new MockMultipartFile("hund.erlaubnis", "erlaubnis.html", "text/html",
				PdfSamples.withText("Erlaubnis"))).param("aktion", "weiter").session(citizen).with(csrf()))
			.andExpect(redirectedUrl(step + "nachweise"));
		String attachment = TenantContext.callAs(accounts.tenant(), () -> jdbc.sql(
				"select id::text from procedure.attachment where application_id = ?::uuid").param(id).query(String.class).single());
		assertSafe(get("/portal/antraege/" + id + "/anlagen/" + attachment).session(citizen), "erlaubnis.pdf");

		mvc.perform(post("/portal/antraege/" + id + "/absenden").session(citizen).with(csrf()));
		assertSafe(get("/portal/antraege/" + id + "/eingangsbestaetigung.pdf").session(citizen), ".pdf");

		String clerkEmail = accounts.clerk("Pia", "steuern");
		MockHttpSession clerk = TestAccounts.signIn(mvc, clerkEmail);
		mvc.perform(post("/backoffice/faelle/" + id + "/uebernehmen").session(clerk).with(csrf()));
		mvc.perform(post("/backoffice/faelle/" + id + "/genehmigen").param("bestaetigt", "ja").session(clerk).with(csrf()));
		assertSafe(get("/backoffice/faelle/" + id + "/bescheid").session(clerk), ".pdf");
		assertSafe(get("/backoffice/faelle/" + id + "/anlagen/" + attachment).session(clerk), "erlaubnis.pdf");

		await().atMost(Duration.ofSeconds(15)).until(() -> mvc.perform(get("/portal/postfach").session(citizen)).andReturn().getResponse()
			.getContentAsString().contains("Bescheid: Hund anmelden"));
		Matcher message = Pattern.compile("/portal/postfach/([0-9a-f-]{36})\"").matcher(
				mvc.perform(get("/portal/postfach").session(citizen)).andReturn().getResponse().getContentAsString());
		assertThat(message.find()).isTrue();
		assertSafe(get("/portal/postfach/" + message.group(1) + "/dokument").session(citizen), ".pdf");

		// the same file in the e-file, on its page and through the API
		await().atMost(Duration.ofSeconds(15)).until(() -> filedVersion(id) != null);
		String version = filedVersion(id);
		assertSafe(get("/backoffice/akten/version/" + version).session(clerk), "erlaubnis.pdf");
		assertSafe(get("/api/v1/records/versions/" + version + "/content").with(httpBasic(clerkEmail, TestAccounts.PASSWORD)), "erlaubnis.pdf");
	}

	@Test
	void theEFileRefusesAPolyglotAndAPdfWithJavaScriptWithTheReason() throws Exception {
		String clerkEmail = accounts.clerk("Pit", "steuern");
		String caseId = TenantContext.callAs(accounts.tenant(), () -> {
			String plan = jdbc.sql("select id::text from records.plan_entry where number = '32.40'").query(String.class).single();
			String file = jdbc.sql("insert into records.file(id, plan_entry_id, reference, title, department) values (gen_random_uuid(), ?::uuid, "
					+ "'32.40/POLY', 'Polyglotte', 'steuern') returning id::text").param(plan).query(String.class).single();
			return jdbc.sql("insert into records.record_case(id, file_id, reference, title, department, source) values (gen_random_uuid(), ?::uuid, "
					+ "'POLY-1', 'Eingang', 'steuern', 'test:poly') returning id::text").param(file).query(String.class).single();
		});
		MockHttpSession clerk = TestAccounts.signIn(mvc, clerkEmail);
		byte[] polyglot = "%PDF-1.4\n<html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII);
		mvc.perform(multipart("/backoffice/akten/vorgang/" + caseId + "/dokumente").file(new MockMultipartFile("datei", "poly.html", "text/html", polyglot))
				.session(clerk).with(csrf()))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("refused", "records.upload.pdf.UNREADABLE"));
		MockHttpServletResponse api = mvc.perform(multipart("/api/v1/records/cases/" + caseId + "/documents")
				.file(new MockMultipartFile("file", "bescheid.pdf", "application/pdf", PdfSamples.withOpenActionJavaScript()))
				.with(httpBasic(clerkEmail, TestAccounts.PASSWORD))).andReturn().getResponse();
		assertThat(api.getStatus()).isEqualTo(422);
		assertThat(api.getErrorMessage() + api.getContentAsString()).contains("„bescheid.pdf“ enthält JavaScript oder Aktionen, die Programme starten");
		assertThat(TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select count(*) from records.document where case_id = ?::uuid")
			.param(caseId).query(Integer.class).single())).isZero();
	}

	private void assertSafe(RequestBuilder request, String nameEnding) throws Exception {
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeader("Content-Disposition")).startsWith("attachment;").contains(nameEnding + "\"");
		assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.getContentType()).startsWith("application/pdf");
	}

	private int attachments(String id) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select count(*) from procedure.attachment where application_id = ?::uuid")
			.param(id).query(Integer.class).single());
	}

	private String filedVersion(String application) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("""
				select v.id::text from records.document_version v join records.document d on d.id = v.document_id
				  join records.record_case c on c.id = d.case_id where c.source = ? and v.filename like 'erlaubnis%'""")
			.param("application:" + application).query(String.class).optional().orElse(null));
	}
}
