// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import de.openrathaus.records.filing.CaseStatus;
import de.openrathaus.records.filing.CaseSource;
import de.openrathaus.procedure.ApplicationId;
import de.openrathaus.account.DepartmentCode;
import de.openrathaus.account.SignedInUser;
import de.openrathaus.account.StaffRole;
import de.openrathaus.files.Downloads;
import de.openrathaus.records.filing.CaseId;
import de.openrathaus.records.filing.Channel;
import de.openrathaus.records.filing.EFileReading;
import de.openrathaus.records.filing.Reader;
import de.openrathaus.records.filing.DocumentId;
import de.openrathaus.records.filing.DocumentUploads;
import de.openrathaus.records.filing.FileId;
import de.openrathaus.records.filing.PlanEntryId;
import de.openrathaus.records.filing.RecordsStore;
import de.openrathaus.records.filing.VersionId;
import de.openrathaus.records.search.EFileSearch;
import de.openrathaus.records.search.RecordsSearch;
import de.openrathaus.web.OnRefusal;
import de.openrathaus.web.Refusal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The electronic file for clerks: the file plan with their departments' files, a file's cases and
 * a case's documents with all versions. A clerk sees only files of departments in which they hold
 * the CLERK role; every read is written to the audit trail.
 */
@Controller
@PreAuthorize("hasAuthority('backoffice:use')")
public class RecordsController {

	private final RecordsStore store;
	private final EFileReading reading;
	private final EFileSearch search;
	private final DocumentUploads uploads;

	RecordsController(RecordsStore store, EFileReading reading, EFileSearch search, DocumentUploads uploads) {
		this.store = store;
		this.reading = reading;
		this.search = search;
		this.uploads = uploads;
	}

	@org.springframework.web.bind.annotation.PostMapping("/backoffice/akten/vorgang/{id}/dokumente")
	@OnRefusal("/backoffice/akten/vorgang/{id}")
	public String addDocument(@PathVariable CaseId id,
			@org.springframework.web.bind.annotation.RequestParam(name = "titel", defaultValue = "") String title,
			@org.springframework.web.bind.annotation.RequestParam(name = "datei", required = false) org.springframework.web.multipart.@org.jspecify.annotations.Nullable MultipartFile file,
			SignedInUser user, HttpServletRequest request, org.springframework.web.servlet.mvc.support.RedirectAttributes redirect)
			throws java.io.IOException {
		RecordsStore.RecordCase recordCase = visibleCase(user, id);
		if (file == null || file.isEmpty()) {
			throw Refusal.of("records.upload.noFile");
		}
		uploads.addDocument(recordCase, title, file.getOriginalFilename(), file.getBytes(), user.displayName(), origin(request));
		redirect.addFlashAttribute("notice", "records.upload.added");
		return "redirect:/backoffice/akten/vorgang/" + id;
	}

	/** At most this many files in one scan import; a scan station's batch is usually far smaller. */
	static final int MAX_SCANS = 50;

	@org.springframework.web.bind.annotation.PostMapping("/backoffice/akten/vorgang/{id}/scans")
	@OnRefusal("/backoffice/akten/vorgang/{id}")
	public String importScans(@PathVariable CaseId id,
			@org.springframework.web.bind.annotation.RequestParam(name = "dateien", required = false) @org.jspecify.annotations.Nullable List<org.springframework.web.multipart.MultipartFile> files,
			SignedInUser user, HttpServletRequest request, org.springframework.web.servlet.mvc.support.RedirectAttributes redirect)
			throws java.io.IOException {
		RecordsStore.RecordCase recordCase = visibleCase(user, id);
		List<org.springframework.web.multipart.MultipartFile> chosen = files == null ? List.of()
				: files.stream().filter(f -> !f.isEmpty() || (f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank())).toList();
		if (chosen.isEmpty()) {
			throw Refusal.of("records.upload.noFile");
		}
		if (chosen.size() > MAX_SCANS) {
			throw Refusal.of("records.scan.tooMany", String.valueOf(MAX_SCANS));
		}
		List<DocumentUploads.Scan> scans = new java.util.ArrayList<>();
		for (org.springframework.web.multipart.MultipartFile file : chosen) {
			scans.add(new DocumentUploads.Scan(file.getOriginalFilename() == null ? "" : file.getOriginalFilename(), file.getBytes()));
		}
		int imported = uploads.importScans(recordCase, scans, user.displayName(), origin(request));
		redirect.addFlashAttribute("notice", "records.scan.imported");
		redirect.addFlashAttribute("noticeArgument", String.valueOf(imported));
		return "redirect:/backoffice/akten/vorgang/" + id;
	}

	@org.springframework.web.bind.annotation.PostMapping("/backoffice/akten/vorgang/{id}/versionen")
	@OnRefusal("/backoffice/akten/vorgang/{id}")
	public String addVersion(@PathVariable CaseId id, @org.springframework.web.bind.annotation.RequestParam(name = "dokument") DocumentId document,
			@org.springframework.web.bind.annotation.RequestParam(name = "datei", required = false) org.springframework.web.multipart.@org.jspecify.annotations.Nullable MultipartFile file,
			SignedInUser user, HttpServletRequest request, org.springframework.web.servlet.mvc.support.RedirectAttributes redirect)
			throws java.io.IOException {
		RecordsStore.RecordCase recordCase = visibleCase(user, id);
		if (!store.caseOfDocument(document).equals(recordCase.id())) {
			throw notFound();
		}
		if (file == null || file.isEmpty()) {
			throw Refusal.of("records.upload.noFile");
		}
		uploads.addVersion(recordCase, document, file.getOriginalFilename(), file.getBytes(), user.displayName(), origin(request));
		redirect.addFlashAttribute("notice", "records.upload.versionAdded");
		return "redirect:/backoffice/akten/vorgang/" + id;
	}

	private RecordsStore.RecordCase visibleCase(SignedInUser user, CaseId id) {
		return store.recordCase(id).filter(c -> departments(user).contains(c.department())).orElseThrow(RecordsController::notFound);
	}

	@GetMapping("/backoffice/akten/suche")
	public String search(@org.springframework.web.bind.annotation.RequestParam(name = "q", defaultValue = "") String q,
			@org.springframework.web.bind.annotation.RequestParam(name = "aktenplan", required = false) @org.jspecify.annotations.Nullable String plan,
			@org.springframework.web.bind.annotation.RequestParam(name = "von", required = false) @org.jspecify.annotations.Nullable String from,
			@org.springframework.web.bind.annotation.RequestParam(name = "bis", required = false) @org.jspecify.annotations.Nullable String to,
			@org.springframework.web.bind.annotation.RequestParam(name = "stand", required = false) @org.jspecify.annotations.Nullable String status,
			@org.springframework.web.bind.annotation.RequestParam(name = "seite", required = false) @org.jspecify.annotations.Nullable String pageText,
			SignedInUser user, Model model, HttpServletRequest request) {
		String text = q.length() > 200 ? q.substring(0, 200) : q;
		java.time.LocalDate fromDay = day(from);
		java.time.LocalDate toDay = day(to);
		model.addAttribute("q", text);
		model.addAttribute("aktenplan", plan);
		model.addAttribute("von", from);
		model.addAttribute("bis", to);
		model.addAttribute("stand", status);
		model.addAttribute("plan", store.plan());
		// an unreadable date is named and nothing is searched: a silently dropped or shifted filter gives wrong hits
		String dateError = from != null && !from.isBlank() && fromDay == null ? from.strip()
				: to != null && !to.isBlank() && toDay == null ? to.strip() : null;
		model.addAttribute("dateError", dateError);
		if (!text.isBlank() && dateError == null) {
			int lastPage = (RecordsSearch.CANDIDATES + SEARCH_PAGE_SIZE - 1) / SEARCH_PAGE_SIZE;
			int page = Math.min(lastPage, Math.max(1, pageNumber(pageText)));
			RecordsSearch.Query query = new RecordsSearch.Query(text, plan, fromDay, toDay,
					status == null ? null : CaseStatus.of(status).orElse(null));
			EFileSearch.Page found = search.search(reader(user, request), query, page, SEARCH_PAGE_SIZE);
			RecordsSearch.Result result = found.result();
			page = found.number();
			List<RecordsSearch.Hit> hits = result.hits();
			model.addAttribute("hits", hits);
			model.addAttribute("matches", result.matches());
			model.addAttribute("page", page);
			model.addAttribute("pages", (result.matches() + SEARCH_PAGE_SIZE - 1) / SEARCH_PAGE_SIZE);
			model.addAttribute("firstHit", (page - 1) * SEARCH_PAGE_SIZE + 1);
			model.addAttribute("lastHit", (page - 1) * SEARCH_PAGE_SIZE + hits.size());
			model.addAttribute("capped", result.capped());
			model.addAttribute("candidates", RecordsSearch.CANDIDATES);
		}
		return "records/search";
	}

	/** Hits on one page of the search. */
	static final int SEARCH_PAGE_SIZE = 20;

	private static int pageNumber(@org.jspecify.annotations.Nullable String text) {
		if (text == null || !text.strip().matches("[0-9]{1,4}")) {
			return 1;
		}
		return Integer.parseInt(text.strip());
	}

	private static final java.time.format.DateTimeFormatter GERMAN_DATE = java.time.format.DateTimeFormatter.ofPattern("d.M.uuuu")
		.withResolverStyle(java.time.format.ResolverStyle.STRICT);

	public static java.time.@org.jspecify.annotations.Nullable LocalDate day(@org.jspecify.annotations.Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return java.time.LocalDate.parse(text.strip());
		}
		catch (java.time.format.DateTimeParseException e) {
			try {
				// strict: 31.02.2026 is refused, not quietly read as 28.02.2026
				return java.time.LocalDate.parse(text.strip(), GERMAN_DATE);
			}
			catch (java.time.format.DateTimeParseException german) {
				return null;
			}
		}
	}

	private static Set<DepartmentCode> departments(SignedInUser user) {
		return user.departmentsWith(StaffRole.CLERK);
	}

	@GetMapping("/backoffice/akten")
	public String plan(SignedInUser user, Model model, HttpServletRequest request) {
		EFileReading.PlanView view = reading.plan(reader(user, request));
		Map<PlanEntryId, List<RecordsStore.RecordFile>> byEntry = view.files().stream()
			.collect(Collectors.groupingBy(RecordsStore.RecordFile::planEntry));
		model.addAttribute("plan", view.plan());
		model.addAttribute("files", byEntry);
		return "records/plan";
	}

	@GetMapping("/backoffice/akten/{id}")
	public String file(@PathVariable FileId id, SignedInUser user, Model model, HttpServletRequest request) {
		EFileReading.FileView view = reading.fileWithCases(reader(user, request), id).orElseThrow(RecordsController::notFound);
		model.addAttribute("file", view.file());
		model.addAttribute("cases", view.cases());
		return "records/file";
	}

	@GetMapping("/backoffice/akten/vorgang/{id}")
	public String recordCase(@PathVariable CaseId id, SignedInUser user, Model model, HttpServletRequest request) {
		EFileReading.CaseView view = reading.recordCase(reader(user, request), id, Channel.PAGE).orElseThrow(RecordsController::notFound);
		model.addAttribute("recordCase", view.recordCase());
		model.addAttribute("file", view.file());
		model.addAttribute("versions", view.versions());
		Map<DocumentId, String> documents = new java.util.LinkedHashMap<>();
		view.versions().forEach(v -> documents.putIfAbsent(v.document(), v.documentTitle()));
		model.addAttribute("documents", documents);
		model.addAttribute("maxScans", MAX_SCANS);
		return "records/case";
	}

	/** From the case work of an online procedure to its case in the e-file. */
	@GetMapping("/backoffice/akten/antrag/{application}")
	public String caseOfApplication(@PathVariable ApplicationId application, SignedInUser user) {
		return store.caseBySource(CaseSource.application(application)).flatMap(store::recordCase)
			.filter(c -> departments(user).contains(c.department()))
			.map(c -> "redirect:/backoffice/akten/vorgang/" + c.id())
			.orElseThrow(RecordsController::notFound);
	}

	@GetMapping("/backoffice/akten/version/{id}")
	public ResponseEntity<byte[]> content(@PathVariable VersionId id, SignedInUser user, HttpServletRequest request) {
		EFileReading.Content content = reading.content(reader(user, request), id, Channel.PAGE).orElseThrow(RecordsController::notFound);
		return Downloads.attachment(content.bytes(), content.version().filename(), content.version().mediaType());
	}

	private static Reader reader(SignedInUser user, HttpServletRequest request) {
		return new Reader(user.displayName(), origin(request), departments(user));
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

	/** Where a request came from, for the audit trail (the client address as the server sees it). */
	public static String origin(HttpServletRequest request) {
		return request.getRemoteAddr();
	}
}
