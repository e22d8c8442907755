// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.catalogue.internal;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import de.openrathaus.account.SignedInUser;
import de.openrathaus.files.Downloads;
import de.openrathaus.web.OnRefusal;
import de.openrathaus.web.Refusal;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Download of the spreadsheet template and upload of a filled one, with a progress page. */
@Controller
@PreAuthorize("hasAuthority('backoffice:use')")
class ImportController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
	static final long MAX_BYTES = 10L * 1024 * 1024;

	private final ProcessStore store;
	private final CatalogueImports imports;

	private final de.openrathaus.files.UploadScanner scanner;

	ImportController(ProcessStore store, CatalogueImports imports, de.openrathaus.files.UploadScanner scanner) {
		this.scanner = scanner;
		this.store = store;
		this.imports = imports;
	}

	@GetMapping("/backoffice/katalog/vorlage.xlsx")
	ResponseEntity<byte[]> template(@RequestParam(name = "fachbereich", required = false) @Nullable String department) {
		List<ProcessRecord> processes = department == null || department.isBlank() ? store.all() : store.ofDepartment(department);
		String name = "Prozesskatalog" + (department == null || department.isBlank() ? "" : "-" + department.replaceAll("[^a-z0-9-]", "")) + ".xlsx";
		return Downloads.attachment(Workbooks.template(processes), name, XLSX);
	}

	@GetMapping("/backoffice/katalog/import")
	String form() {
		return "catalogue/import";
	}

	@PostMapping("/backoffice/katalog/import")
	@OnRefusal("/backoffice/katalog/import")
	String upload(@RequestParam(name = "tabelle", required = false) @Nullable MultipartFile file, SignedInUser user,
			RedirectAttributes redirect) throws IOException {
		if (file == null || file.isEmpty()) {
			throw Refusal.of("import.noFile");
		}
		if (file.getSize() > MAX_BYTES) {
			throw Refusal.of("import.tooLarge");
		}
		de.openrathaus.files.ScanVerdict verdict = scanner.scan(file.getBytes(), "catalogue.import");
		if (!verdict.accepted()) {
			throw Refusal.of(verdict.outcome() == de.openrathaus.files.ScanVerdict.Outcome.INFECTED ? "import.infected" : "import.unchecked");
		}
		String name = file.getOriginalFilename() == null ? "tabelle.xlsx" : file.getOriginalFilename().replaceAll("[\\\\/\\p{Cc}]", "");
		CatalogueImports.Job job = imports.start(user, name, file.getBytes());
		return "redirect:/backoffice/katalog/import/" + job.id;
	}

	@GetMapping("/backoffice/katalog/import/{id}")
	String progress(@PathVariable UUID id, SignedInUser user, Model model) {
		model.addAttribute("job", imports.find(user, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		return "catalogue/import-status";
	}
}
