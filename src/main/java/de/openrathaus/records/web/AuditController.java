// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.openrathaus.account.Authorities;
import de.openrathaus.account.SignedInUser;
import de.openrathaus.account.WebAccess;
import de.openrathaus.files.Downloads;
import de.openrathaus.records.audit.AuditSearch;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.json.JsonMapper;

/**
 * The auditor (the data protection officer) searches the audit trail by who, what, which record and when,
 * and exports the result as CSV for reading or as JSON with the chain values for checking outside the
 * platform with the key ({@code tools/VerifyAuditExport.java}). Searching and exporting are themselves
 * recorded in the trail.
 */
@Controller
@PreAuthorize("hasAuthority('privacy:register')")
class AuditController {

	static final String PAGE = "/datenschutz/protokoll";
	private static final int SHOWN = 200;
	private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");
	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private final AuditSearch search;
	private final JsonMapper json;
	private final Clock clock;

	AuditController(AuditSearch search, JsonMapper json, Clock clock) {
		this.search = search;
		this.json = json;
		this.clock = clock;
	}

	@Configuration(proxyBeanMethods = false)
	static class AuditWebSecurity {

		@Bean
		WebAccess auditWebAccess() {
			return new WebAccess(List.of(), Map.of(PAGE, Authorities.PRIVACY_REGISTER, PAGE + "/**", Authorities.PRIVACY_REGISTER));
		}
	}

	/** One entry as shown. */
	record Line(long seq, String at, String actor, String action, String object, String origin) {
	}

	/** The form's fields as entered; dates as {@code yyyy-MM-dd}. */
	record Form(@Nullable String wer, @Nullable String was, @Nullable String objekt, @Nullable String von, @Nullable String bis) {
	}

	@GetMapping(PAGE)
	String page(@RequestParam(name = "wer", required = false) @Nullable String actor,
			@RequestParam(name = "was", required = false) @Nullable String action,
			@RequestParam(name = "objekt", required = false) @Nullable String object,
			@RequestParam(name = "von", required = false) @Nullable String from,
			@RequestParam(name = "bis", required = false) @Nullable String until, SignedInUser auditor, HttpServletRequest request,
			Model model) {
		Form form = new Form(actor, action, object, from, until);
		model.addAttribute("form", form);
		model.addAttribute("actions", AuditSearch.actions());
		AuditSearch.Query query = query(form, model);
		if (query == null) {
			model.addAttribute("entries", List.of());
			return "records/audit";
		}
		List<AuditSearch.Entry> entries = search.newest(query, SHOWN, auditor.displayName(), RecordsController.origin(request));
		model.addAttribute("entries", entries.stream().map(e -> new Line(e.seq(), AT.withZone(clock.getZone()).format(e.at()), e.actor(),
				e.action(), e.object(), e.origin())).toList());
		model.addAttribute("more", entries.size() == SHOWN);
		model.addAttribute("searched", true);
		return "records/audit";
	}

	@GetMapping(PAGE + "/export.json")
	ResponseEntity<byte[]> json(@RequestParam(name = "wer", required = false) @Nullable String actor,
			@RequestParam(name = "was", required = false) @Nullable String action,
			@RequestParam(name = "objekt", required = false) @Nullable String object,
			@RequestParam(name = "von", required = false) @Nullable String from,
			@RequestParam(name = "bis", required = false) @Nullable String until, SignedInUser auditor, HttpServletRequest request) {
		AuditSearch.Query query = requireQuery(new Form(actor, action, object, from, until));
		List<Map<String, Object>> entries = new ArrayList<>();
		int count = search.export(query, e -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("seq", e.seq());
			entry.put("at", e.at().toString());
			entry.put("actor", e.actor());
			entry.put("action", e.action());
			entry.put("object", e.object());
			entry.put("origin", e.origin());
			entry.put("previousHash", e.previousHash());
			entry.put("hash", e.hash());
			entry.put("scheme", e.scheme());
			entries.add(entry);
		}, auditor.displayName(), RecordsController.origin(request));
		AuditSearch.Chain chain = search.chain();
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("format", "openrathaus-audit-export/1");
		document.put("municipality", chain.municipality());
		document.put("keyId", chain.keyId());
		document.put("exportedAt", clock.instant().toString());
		document.put("narrowed", query.narrowed());
		document.put("truncated", count == AuditSearch.EXPORT_LIMIT);
		document.put("entries", entries);
		return Downloads.attachment(json.writeValueAsBytes(document), filename("json"), "application/json");
	}

	@GetMapping(PAGE + "/export.csv")
	ResponseEntity<byte[]> csv(@RequestParam(name = "wer", required = false) @Nullable String actor,
			@RequestParam(name = "was", required = false) @Nullable String action,
			@RequestParam(name = "objekt", required = false) @Nullable String object,
			@RequestParam(name = "von", required = false) @Nullable String from,
			@RequestParam(name = "bis", required = false) @Nullable String until, SignedInUser auditor, HttpServletRequest request) {
		AuditSearch.Query query = requireQuery(new Form(actor, action, object, from, until));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		// a byte order mark, so spreadsheet programs read the text as UTF-8
		out.writeBytes("\uFEFFseq,at,actor,action,object,origin,previous_hash,hash,scheme\r\n".getBytes(StandardCharsets.UTF_8));
		search.export(query, e -> out.writeBytes((String.join(",", String.valueOf(e.seq()), e.at().toString(), cell(e.actor()), e.action(),
				cell(e.object()), cell(e.origin()), e.previousHash(), e.hash(), String.valueOf(e.scheme())) + "\r\n")
			.getBytes(StandardCharsets.UTF_8)), auditor.displayName(), RecordsController.origin(request));
		return Downloads.attachment(out.toByteArray(), filename("csv"), "text/csv; charset=UTF-8");
	}

	private String filename(String extension) {
		return "Protokoll-" + STAMP.withZone(clock.getZone()).format(clock.instant()) + "." + extension;
	}

	/**
	 * A CSV cell (RFC 4180). A text a spreadsheet would take for a formula gets a leading apostrophe, so
	 * the CSV is for reading; the JSON export carries the exact texts the chain values cover.
	 */
	static String cell(String text) {
		String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
		return "\"" + safe.replace("\"", "\"\"") + "\"";
	}

	private AuditSearch.@Nullable Query query(Form form, Model model) {
		try {
			return toQuery(form);
		}
		catch (DateTimeParseException e) {
			model.addAttribute("badDate", true);
			return null;
		}
	}

	private AuditSearch.Query requireQuery(Form form) {
		try {
			return toQuery(form);
		}
		catch (DateTimeParseException e) {
			throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST,
					"Dates are written yyyy-MM-dd.");
		}
	}

	private AuditSearch.Query toQuery(Form form) {
		return new AuditSearch.Query(form.wer(), form.was(), form.objekt(), startOf(form.von(), 0), startOf(form.bis(), 1));
	}

	private @Nullable Instant startOf(@Nullable String day, int plusDays) {
		if (day == null || day.isBlank()) {
			return null;
		}
		return LocalDate.parse(day.strip()).plusDays(plusDays).atStartOfDay(clock.getZone()).toInstant();
	}
}
