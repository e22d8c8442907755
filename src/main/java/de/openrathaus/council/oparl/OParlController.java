// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.council.oparl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import de.openrathaus.tenancy.RequestOrigin;
import de.openrathaus.tenancy.Tenant;
import de.openrathaus.tenancy.Tenants;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OParl 1.1 endpoints. Open to everybody (read only, public data only) and to every origin
 * ({@code Access-Control-Allow-Origin: *}, as OParl asks); the municipality is the one the host
 * names, its single body has the municipality's short name as id.
 */
@RestController
@RequestMapping(path = OParlUrls.ROOT, produces = MediaType.APPLICATION_JSON_VALUE)
class OParlController {

	private static final String VERSION = "https://schema.oparl.org/1.1/";

	private final OParlQueries queries;
	private final Tenants tenants;
	private final MessageSource messages;

	OParlController(OParlQueries queries, Tenants tenants, MessageSource messages) {
		this.queries = queries;
		this.tenants = tenants;
		this.messages = messages;
	}

	@ModelAttribute
	void anyOrigin(HttpServletResponse response) {
		response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
	}

	@GetMapping({"", "/", "/system"})
	Map<String, Object> system() {
		OParlUrls urls = urls();
		Tenant tenant = tenants.current();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", urls.system());
		json.put("type", VERSION + "System");
		json.put("oparlVersion", VERSION);
		json.put("body", urls.bodies());
		json.put("name", messages.getMessage("council.oparl.system.name", new Object[] {tenant.name()}, Locale.GERMAN));
		json.put("website", urls.web("/rat"));
		json.put("web", urls.web("/rat"));
		changes(json, queries.body(urls));
		return json;
	}

	@GetMapping("/body")
	Map<String, Object> bodies() {
		OParlUrls urls = urls();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("data", List.of(body(urls)));
		json.put("pagination", Map.of("totalElements", 1, "elementsPerPage", 1, "currentPage", 1, "totalPages", 1));
		json.put("links", Map.of("first", urls.bodies(), "self", urls.bodies()));
		return json;
	}

	@GetMapping("/body/{body}")
	Map<String, Object> body(@PathVariable String body) {
		OParlUrls urls = urls();
		requireBody(body, urls);
		return body(urls);
	}

	@GetMapping("/body/{body}/{list}")
	Map<String, Object> list(@PathVariable String body, @PathVariable String list, @RequestParam Map<String, String> parameters) {
		OParlUrls urls = urls();
		requireBody(body, urls);
		OParlKind kind = OParlKind.bySegment(list).orElseThrow(NotFound::new);
		OParlFilter filter = OParlFilter.of(parameters);
		OParlQueries.Page page = queries.list(kind, filter, urls);
		String self = urls.list(kind);
		Map<String, Object> links = new LinkedHashMap<>();
		links.put("first", filter.first(self));
		links.put("self", filter.after() == null ? filter.first(self) : filter.next(self, filter.after()));
		if (page.more() && page.last() != null) {
			links.put("next", filter.next(self, page.last()));
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("data", page.data());
		json.put("pagination", Map.of("elementsPerPage", filter.limit()));
		json.put("links", links);
		return json;
	}

	@GetMapping("/{kind}/{id}")
	Map<String, Object> object(@PathVariable String kind, @PathVariable String id) {
		OParlKind found = OParlKind.bySegment(kind).orElseThrow(NotFound::new);
		return queries.one(found, uuid(id), urls()).orElseThrow(NotFound::new);
	}

	@GetMapping(path = "/file/{id}/download", produces = MediaType.ALL_VALUE)
	ResponseEntity<byte[]> download(@PathVariable String id) {
		OParlQueries.Download file = queries.download(uuid(id)).orElseThrow(NotFound::new);
		return de.openrathaus.files.Downloads.attachment(file.content(), file.fileName(), file.mimeType());
	}

	@ExceptionHandler(NotFound.class)
	ResponseEntity<ProblemDetail> notFound() {
		return problem(HttpStatus.NOT_FOUND, "council.oparl.notFound", null);
	}

	@ExceptionHandler(OParlFilter.Invalid.class)
	ResponseEntity<ProblemDetail> invalid(OParlFilter.Invalid invalid) {
		return problem(HttpStatus.BAD_REQUEST, "council.oparl.invalidParameter", invalid.getMessage());
	}

	private ResponseEntity<ProblemDetail> problem(HttpStatus status, String key, @org.jspecify.annotations.Nullable String argument) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.getMessage(key, new Object[] {argument}, Locale.GERMAN));
		problem.setType(java.net.URI.create(de.openrathaus.web.Refusal.PROBLEM_TYPES + key));
		return ResponseEntity.status(status).header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
			.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private Map<String, Object> body(OParlUrls urls) {
		Tenant tenant = tenants.current();
		OParlQueries.BodyFacts facts = queries.body(urls);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", urls.bodyObject());
		json.put("type", VERSION + "Body");
		json.put("system", urls.system());
		json.put("shortName", tenant.slug());
		json.put("name", tenant.name());
		json.put("website", urls.web("/"));
		json.put("organization", urls.list(OParlKind.ORGANIZATION));
		json.put("person", urls.list(OParlKind.PERSON));
		json.put("meeting", urls.list(OParlKind.MEETING));
		json.put("paper", urls.list(OParlKind.PAPER));
		json.put("agendaItem", urls.list(OParlKind.AGENDA_ITEM));
		json.put("consultation", urls.list(OParlKind.CONSULTATION));
		json.put("file", urls.list(OParlKind.FILE));
		json.put("membership", urls.list(OParlKind.MEMBERSHIP));
		json.put("legislativeTermList", urls.list(OParlKind.LEGISLATIVE_TERM));
		json.put("legislativeTerm", facts.terms());
		json.put("locationList", urls.list(OParlKind.LOCATION));
		json.put("web", urls.web("/rat"));
		changes(json, facts);
		return json;
	}

	private static void changes(Map<String, Object> json, OParlQueries.BodyFacts facts) {
		if (facts.created() != null && facts.modified() != null) {
			json.put("created", OParlObjects.time(facts.created().toInstant()));
			json.put("modified", OParlObjects.time(facts.modified().toInstant()));
		}
	}

	private void requireBody(String body, OParlUrls urls) {
		if (!urls.body().equals(body)) {
			throw new NotFound();
		}
	}

	private OParlUrls urls() {
		Tenant tenant = tenants.current();
		String origin = RequestOrigin.current().orElseGet(() -> tenant.publicUrl() == null ? "" : tenant.publicUrl().replaceAll("/+$", ""));
		return new OParlUrls(origin, tenant.slug());
	}

	private static UUID uuid(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException e) {
			throw new NotFound();
		}
	}

	/** No such object in this municipality's public data. */
	static final class NotFound extends RuntimeException {

		NotFound() {
			super(null, null, false, false);
		}
	}
}
