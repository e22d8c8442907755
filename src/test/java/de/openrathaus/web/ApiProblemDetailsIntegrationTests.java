// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import de.openrathaus.TestAccounts;
import de.openrathaus.account.DepartmentCode;
import de.openrathaus.records.filing.FileId;
import de.openrathaus.records.filing.RecordsStore;
import de.openrathaus.tenancy.TenantContext;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error of the APIs reaches the caller as an RFC 9457 problem detail with a type under
 * {@code /problems/}: refusals of the domain with their message in the caller's language, and the
 * errors that happen before any handler (not signed in, no permission, no such path). Through the
 * real server, because the container's error dispatch is what answers the latter.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ApiProblemDetailsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	RecordsStore store;

	@Autowired
	TransactionTemplate transactions;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aDuplicateUploadIsAProblemWithTheRefusalsTypeAndItsMessageInTheCallersLanguage() throws Exception {
		String clerk = basic(accounts.clerk("Problemfall", "steuern"));
		String marker = "PD" + Long.toString(System.nanoTime(), 36).toUpperCase();
		FileId file = TenantContext.callAs(accounts.tenant(), () -> transactions.execute(s -> store.file(store.planEntryId("32.40").orElseThrow(),
				"32.40/" + marker, "Hundesteuer " + marker, new DepartmentCode("steuern"))));
		HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/api/v1/records/files/" + file + "/cases")).header("Authorization", clerk)
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("reference=" + marker + "&title=Fall")));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String caseId = json.readTree(created.body()).get("id").asString();

		assertThat(upload(caseId, clerk, "bescheid.txt", "de").statusCode()).isEqualTo(201);
		HttpResponse<String> again = upload(caseId, clerk, "kopie.txt", "de");
		JsonNode problem = problem(again, 409);
		assertThat(problem.get("type").asString()).isEqualTo("/problems/records.upload.duplicate");
		assertThat(problem.get("title").asString()).isEqualTo("Konflikt mit dem aktuellen Stand");
		assertThat(problem.get("detail").asString()).contains("bescheid.txt").doesNotContain("{0}");
		assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/records/cases/" + caseId + "/documents");

		JsonNode english = problem(upload(caseId, clerk, "copy.txt", "en"), 409);
		assertThat(english.get("title").asString()).isEqualTo("Conflict with the current state");
		assertThat(english.get("detail").asString()).isNotEqualTo(problem.get("detail").asString()).contains("bescheid.txt");

		JsonNode empty = problem(upload(caseId, clerk, "leer.txt", "de", ""), 422);
		assertThat(empty.get("type").asString()).isEqualTo("/problems/records.upload.empty");
	}

	@Test
	void errorsInAHandlerAreProblemsToo() throws Exception {
		String clerk = basic(accounts.clerk("Problemsuche", "steuern"));
		JsonNode unknown = problem(get("/api/v1/records/cases/" + UUID.randomUUID(), clerk), 404);
		assertThat(unknown.get("type").asString()).isEqualTo("/problems/http-404");
		assertThat(unknown.get("title").asString()).isEqualTo("Nicht gefunden");
		assertThat(problem(get("/api/v1/records/cases/keine-id", clerk), 404).get("type").asString()).isEqualTo("/problems/http-404");
		JsonNode badPage = problem(get("/api/v1/records/files?size=0", clerk), 400);
		assertThat(badPage.get("type").asString()).isEqualTo("/problems/http-400");
		assertThat(badPage.get("detail").asString()).contains("size");
		assertThat(problem(get("/api/v1/catalogue/processes/gibt-es-nicht", clerk), 404).get("type").asString()).isEqualTo("/problems/http-404");
	}

	@Test
	void errorsBeforeAnyHandlerAreProblems() throws Exception {
		HttpResponse<String> anonymous = get("/api/v1/records/files", null);
		JsonNode unauthorised = problem(anonymous, 401);
		assertThat(unauthorised.get("type").asString()).isEqualTo("/problems/http-401");
		assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));

		JsonNode forbidden = problem(get("/api/v1/records/files", basic(accounts.citizen("Neugierig"))), 403);
		assertThat(forbidden.get("type").asString()).isEqualTo("/problems/http-403");

		JsonNode noSuchPath = problem(get("/api/v1/gibt-es-nicht", basic(accounts.clerk("Verirrt", "steuern"))), 404);
		assertThat(noSuchPath.get("type").asString()).isEqualTo("/problems/http-404");
		assertThat(noSuchPath.toString()).doesNotContain("exception").doesNotContain("trace");
	}

	@Test
	void pagesKeepTheirHtmlErrorPage() throws Exception {
		HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/leistungen/gibt-es-nicht")).header("Accept", "text/html").GET());
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
	}

	private JsonNode problem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("type").asString()).startsWith(Refusal.PROBLEM_TYPES);
		return problem;
	}

	private HttpResponse<String> upload(String caseId, String authorization, String filename, String language) throws Exception {
		return upload(caseId, authorization, filename, language, "Bescheid Fassung 1");
	}

	private HttpResponse<String> upload(String caseId, String authorization, String filename, String language, String content) throws Exception {
		String boundary = "----problem" + UUID.randomUUID();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n"
				+ "Content-Type: text/plain\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
		return send(HttpRequest.newBuilder(uri("/api/v1/records/cases/" + caseId + "/documents")).header("Authorization", authorization)
			.header("Accept-Language", language).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
	}

	private HttpResponse<String> get(String path, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET();
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return send(request);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static String basic(String email) {
		return "Basic " + Base64.getEncoder().encodeToString((email + ":" + TestAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8));
	}
}
