// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import de.openrathaus.DogRegistrations;
import de.openrathaus.TestAccounts;
import de.openrathaus.records.config.RecordsSettings;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The auditor searches the audit trail by who, what, which record and when, and exports it; the JSON
 * export passes the verification program in {@code tools/} with the key, outside the platform, and a
 * changed entry fails it. Only the data protection officer may search, and the search is recorded.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditSearchIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	RecordsSettings settings;

	@Autowired
	java.time.Clock clock;

	@Test
	void theAuditorFindsWhoReadACaseAndExportsAVerifiableTrail(@TempDir Path folder) throws Exception {
		MockHttpSession citizen = TestAccounts.signIn(mvc, accounts.citizen("Ottilie"));
		MockHttpSession clerk = TestAccounts.signIn(mvc, accounts.clerk("Pankraz", "steuern"));
		String application = DogRegistrations.submittedAndTaken(mvc, citizen, clerk, "Ottilie", "276098765400171");
		mvc.perform(get("/backoffice/faelle/" + application).session(clerk)).andExpect(status().isOk());
		String reference = new String(mvc.perform(get("/backoffice/faelle/" + application).session(clerk)).andReturn().getResponse()
			.getContentAsByteArray(), StandardCharsets.UTF_8).replaceAll("(?s).*?(HUND-\\d{4}-\\d+).*", "$1");
		MockHttpSession officer = TestAccounts.signIn(mvc, "datenschutz@musterstadt.example", "Demo-Passwort-2026");

		mvc.perform(get("/datenschutz/protokoll").session(clerk)).andExpect(status().isForbidden());
		mvc.perform(get("/datenschutz/protokoll/export.json").session(citizen)).andExpect(status().isForbidden());

		String found = page(get("/datenschutz/protokoll").param("objekt", reference).param("was", "READ").session(officer));
		assertThat(found).contains("Pankraz").contains("case " + reference + " (case work)").contains("gelesen");
		assertThat(page(get("/datenschutz/protokoll").param("wer", "Pankraz").param("objekt", "kein-solcher-vorgang").session(officer)))
			.contains("Keine Einträge gefunden");
		assertThat(page(get("/datenschutz/protokoll").param("von", "gestern").session(officer))).contains("als Datum an");
		mvc.perform(get("/datenschutz/protokoll/export.json").param("bis", "morgen").session(officer)).andExpect(status().isBadRequest());

		// everything of today, with the chain values: the program in tools/ verifies it with the key alone
		String today = LocalDate.now(clock).toString();
		byte[] export = mvc.perform(get("/datenschutz/protokoll/export.json").param("von", today).param("bis", today).session(officer))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		String json = new String(export, StandardCharsets.UTF_8);
		assertThat(json).contains("\"narrowed\":false").contains("case " + reference).contains("\"previousHash\"");
		Path file = folder.resolve("export.json");
		Files.write(file, export);
		Result intact = verify(file);
		assertThat(intact.exit()).as(intact.output()).isZero();
		assertThat(intact.output()).contains("Audit export intact");

		// a changed entry, and a removed one, fail it
		Files.writeString(file, json.replaceFirst("\"actor\":\"Pankraz\"", "\"actor\":\"Jemand\""), StandardCharsets.UTF_8);
		Result changed = verify(file);
		assertThat(changed.exit()).as(changed.output()).isEqualTo(1);
		assertThat(changed.output()).contains("CHANGED");
		tools.jackson.databind.node.ObjectNode document = (tools.jackson.databind.node.ObjectNode) JsonMapper.builder().build().readTree(export);
		((tools.jackson.databind.node.ArrayNode) document.get("entries")).remove(1);
		Files.writeString(file, document.toString(), StandardCharsets.UTF_8);
		Result removed = verify(file);
		assertThat(removed.exit()).as(removed.output()).isEqualTo(1);
		assertThat(removed.output()).contains("BROKEN");

		// narrowed to one record: each entry still authentic
		Files.write(file, mvc.perform(get("/datenschutz/protokoll/export.json").param("objekt", reference).session(officer))
			.andReturn().getResponse().getContentAsByteArray());
		Result narrowed = verify(file);
		assertThat(narrowed.exit()).as(narrowed.output()).isZero();
		assertThat(narrowed.output()).contains("narrowed search");

		String csv = new String(mvc.perform(get("/datenschutz/protokoll/export.csv").param("objekt", reference).session(officer))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(csv.lines().findFirst().orElseThrow()).endsWith("seq,at,actor,action,object,origin,previous_hash,hash,scheme");
		assertThat(csv).contains("\"case " + reference + " (case work)\"");

		// the auditor's own searches and exports are in the trail
		assertThat(page(get("/datenschutz/protokoll").param("objekt", "audit trail").session(officer))).contains("gesucht").contains("exportiert");
	}

	private String page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		return new String(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(),
				StandardCharsets.UTF_8);
	}

	record Result(int exit, String output) {
	}

	/** Runs tools/VerifyAuditExport.java as an auditor would: a JDK, the export and the key file. */
	private Result verify(Path export) throws Exception {
		String java = ProcessHandle.current().info().command().orElse("java");
		Process process = new ProcessBuilder(List.of(java, "tools/VerifyAuditExport.java", export.toString(),
				settings.audit().keyFile().toAbsolutePath().toString())).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		return new Result(process.waitFor(), output);
	}
}
