// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.api;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import de.openrathaus.records.filing.CaseStatus;
import de.openrathaus.account.DepartmentCode;
import de.openrathaus.account.SignedInUser;
import de.openrathaus.account.StaffRole;
import de.openrathaus.files.Downloads;
import de.openrathaus.records.filing.CaseId;
import de.openrathaus.records.filing.Channel;
import de.openrathaus.records.filing.EFileReading;
import de.openrathaus.records.filing.NewFilesAndCases;
import de.openrathaus.records.filing.Reader;
import de.openrathaus.records.filing.DocumentId;
import de.openrathaus.records.filing.DocumentUploads;
import de.openrathaus.records.filing.FileId;
import de.openrathaus.records.filing.PlanEntryId;
import de.openrathaus.records.filing.RecordsStore;
import de.openrathaus.records.filing.VersionId;
import de.openrathaus.records.web.RecordsController;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The e-file for departments' specialist software, described in {@code /api/v1/records/openapi.yaml}:
 * file plan, files, cases and documents, scoped to the caller's departments like the pages; adding
 * a document or a version goes through the same checks as an upload by hand, and every call is
 * audited.
 */
@RestController
@RequestMapping("/api/v1/records")
@PreAuthorize("hasAuthority('records:api')")
class RecordsApi {

	private final RecordsStore store;
	private final DocumentUploads uploads;
	private final EFileReading reading;
	private final NewFilesAndCases opening;

	RecordsApi(RecordsStore store, DocumentUploads uploads, EFileReading reading, NewFilesAndCases opening) {
		this.store = store;
		this.uploads = uploads;
		this.reading = reading;
		this.opening = opening;
	}

	/** One page of a listing; {@code hasNext} says whether a further page exists (no costly total count). */
	record Page<T>(List<T> items, int page, int size, boolean hasNext) {
	}

	/** A document with all its versions, oldest first. */
	record Document(DocumentId id, CaseId recordCase, String title, List<RecordsStore.Version> versions) {
	}

	private static Set<DepartmentCode> departments(SignedInUser user) {
		return user.departmentsWith(StaffRole.CLERK);
	}

	/** The caller's department of this code; empty if the caller is no clerk there (or the code is no code at all). */
	private static Optional<DepartmentCode> department(SignedInUser user, String code) {
		return departments(user).stream().filter(d -> d.value().equals(code)).findFirst();
	}

	private static void checkPage(int page, int size) {
		if (page < 0 || size < 1 || size > 500) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page >= 0 and 1 <= size <= 500");
		}
	}

	/** Turns a query for one more row than asked into a page. */
	private static <T> Page<T> page(List<T> rows, int page, int size) {
		return new Page<>(rows.size() > size ? rows.subList(0, size) : rows, page, size, rows.size() > size);
	}

	private @Nullable PlanEntryId planEntry(@Nullable String planNumber) {
		if (planNumber == null || planNumber.isBlank()) {
			return null;
		}
		return store.planEntryId(planNumber.strip())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "no file plan entry " + planNumber.strip()));
	}

	private static @Nullable CaseStatus status(@Nullable String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		return CaseStatus.of(status).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "status is OPEN or CLOSED"));
	}

	@GetMapping("/plan-entries")
	List<RecordsStore.PlanEntry> plan() {
		return store.plan();
	}

	@GetMapping("/files")
	public Page<RecordsStore.RecordFile> files(@RequestParam(required = false) @Nullable String planNumber,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, SignedInUser user,
			HttpServletRequest request) {
		checkPage(page, size);
		PlanEntryId entry = planEntry(planNumber);
		return page(reading.files(reader(user, request), entry, size + 1, (long) page * size, Channel.API), page, size);
	}

	@PostMapping("/files")
	public ResponseEntity<RecordsStore.RecordFile> createFile(@RequestParam String planNumber, @RequestParam String reference,
			@RequestParam String title, @RequestParam String department, SignedInUser user, HttpServletRequest request) {
		PlanEntryId entry = planEntry(planNumber);
		DepartmentCode code = department(user, department)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, "no clerk role in department " + department));
		String cleanReference = reference.strip();
		String cleanTitle = title.strip();
		if (!cleanReference.matches("[\\p{L}\\p{N}./-]{1,60}") || cleanTitle.isEmpty() || cleanTitle.length() > 200) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "reference: 1-60 letters, digits, . / -; title: 1-200 characters");
		}
		RecordsStore.RecordFile file = opening.openFile(reader(user, request), entry, cleanReference, cleanTitle, code, Channel.API)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT, "a file with this reference exists"));
		return ResponseEntity.status(HttpStatus.CREATED).body(file);
	}

	@GetMapping("/files/{id}")
	public RecordsStore.RecordFile file(@PathVariable FileId id, SignedInUser user, HttpServletRequest request) {
		return reading.file(reader(user, request), id, Channel.API).orElseThrow(RecordsApi::notFound);
	}

	@GetMapping("/files/{id}/cases")
	public Page<RecordsStore.RecordCase> cases(@PathVariable FileId id, @RequestParam(required = false) @Nullable String status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, SignedInUser user,
			HttpServletRequest request) {
		checkPage(page, size);
		CaseStatus wanted = status(status);
		return page(reading.casesOfFile(reader(user, request), id, wanted, size + 1, (long) page * size, Channel.API)
			.orElseThrow(RecordsApi::notFound), page, size);
	}

	@GetMapping("/cases")
	public Page<RecordsStore.RecordCase> allCases(@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String department, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, SignedInUser user, HttpServletRequest request) {
		checkPage(page, size);
		CaseStatus wanted = status(status);
		Set<DepartmentCode> asked = department == null || department.isBlank() ? departments(user)
				: department(user, department).map(Set::of).orElse(Set.of());
		return page(reading.cases(reader(user, request), asked, wanted, size + 1, (long) page * size, Channel.API), page, size);
	}

	@PostMapping("/files/{id}/cases")
	public ResponseEntity<RecordsStore.RecordCase> createCase(@PathVariable FileId id, @RequestParam String reference,
			@RequestParam String title, SignedInUser user, HttpServletRequest request) {
		if (store.file(id).filter(f -> departments(user).contains(f.department())).isEmpty()) {
			throw notFound();
		}
		String cleanReference = reference.strip();
		String cleanTitle = title.strip();
		if (!cleanReference.matches("[\\p{L}\\p{N}./-]{1,60}") || cleanTitle.isEmpty() || cleanTitle.length() > 200) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "reference: 1-60 letters, digits, . / -; title: 1-200 characters");
		}
		return switch (opening.openCase(reader(user, request), id, cleanReference, cleanTitle, Channel.API)) {
			case NewFilesAndCases.Opened opened -> ResponseEntity.status(HttpStatus.CREATED).body(opened.recordCase());
			case NewFilesAndCases.ReferenceTaken taken -> throw new ResponseStatusException(HttpStatus.CONFLICT, "a case with this reference exists");
			case NewFilesAndCases.NoFile none -> throw notFound();
		};
	}

	@GetMapping("/cases/{id}")
	public RecordsStore.RecordCase recordCase(@PathVariable CaseId id, SignedInUser user, HttpServletRequest request) {
		return reading.recordCase(reader(user, request), id, Channel.API).orElseThrow(RecordsApi::notFound).recordCase();
	}

	@GetMapping("/documents/{id}")
	public Document document(@PathVariable DocumentId id, SignedInUser user, HttpServletRequest request) {
		EFileReading.DocumentView view = reading.document(reader(user, request), id, Channel.API).orElseThrow(RecordsApi::notFound);
		return new Document(id, view.recordCase().id(), view.versions().getLast().documentTitle(), view.versions());
	}

	@GetMapping("/cases/{id}/documents")
	public List<RecordsStore.Version> documents(@PathVariable CaseId id, SignedInUser user, HttpServletRequest request) {
		return reading.recordCase(reader(user, request), id, Channel.API).orElseThrow(RecordsApi::notFound).versions();
	}

	@PostMapping("/cases/{id}/documents")
	public ResponseEntity<List<RecordsStore.Version>> addDocument(@PathVariable CaseId id,
			@RequestParam(defaultValue = "") String title, @RequestParam("file") MultipartFile file, SignedInUser user,
			HttpServletRequest request) throws IOException {
		RecordsStore.RecordCase recordCase = visibleCase(user, id);
		uploads.addDocument(recordCase, title, file.getOriginalFilename(), file.getBytes(), user.displayName(),
				RecordsController.origin(request));
		return ResponseEntity.status(HttpStatus.CREATED).body(store.versions(id));
	}

	@PostMapping("/cases/{id}/documents/{document}/versions")
	public ResponseEntity<List<RecordsStore.Version>> addVersion(@PathVariable CaseId id, @PathVariable DocumentId document,
			@RequestParam("file") MultipartFile file, SignedInUser user, HttpServletRequest request) throws IOException {
		RecordsStore.RecordCase recordCase = visibleCase(user, id);
		if (!store.caseOfDocument(document).equals(recordCase.id())) {
			throw notFound();
		}
		uploads.addVersion(recordCase, document, file.getOriginalFilename(), file.getBytes(), user.displayName(),
				RecordsController.origin(request));
		return ResponseEntity.status(HttpStatus.CREATED).body(store.versions(id));
	}

	@GetMapping("/versions/{id}/content")
	public ResponseEntity<byte[]> content(@PathVariable VersionId id, SignedInUser user, HttpServletRequest request) {
		EFileReading.Content content = reading.content(reader(user, request), id, Channel.API).orElseThrow(RecordsApi::notFound);
		return Downloads.attachment(content.bytes(), content.version().filename(), content.version().mediaType());
	}

	private static Reader reader(SignedInUser user, HttpServletRequest request) {
		return new Reader(user.displayName(), RecordsController.origin(request), departments(user));
	}

	private RecordsStore.RecordCase visibleCase(SignedInUser user, CaseId id) {
		return store.recordCase(id).filter(c -> departments(user).contains(c.department())).orElseThrow(RecordsApi::notFound);
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}
}
