// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.catalogue.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import de.openrathaus.account.SignedInUser;
import de.openrathaus.files.Downloads;
import de.openrathaus.files.PdfRenderer;
import de.openrathaus.tenancy.Tenants;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.ResponseEntity;
import de.openrathaus.account.StaffRole;
import de.openrathaus.web.OnRefusal;
import de.openrathaus.web.Refusal;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The measure plan per year (2018–2030) and per department; the board plans processes into years. */
@Controller
@PreAuthorize("hasAuthority('backoffice:use')")
class PlanController {

	private final PlanStore plan;
	private final ProcessStore processes;
	private final Catalogue catalogue;
	private final PdfRenderer pdf;
	private final Tenants tenants;
	private final Clock clock;

	PlanController(PlanStore plan, ProcessStore processes, Catalogue catalogue, PdfRenderer pdf, Tenants tenants, Clock clock) {
		this.clock = clock;
		this.plan = plan;
		this.processes = processes;
		this.catalogue = catalogue;
		this.pdf = pdf;
		this.tenants = tenants;
	}

	private List<PlanStore.Entry> entries(@Nullable String department) {
		return plan.all().stream().filter(e -> department == null || department.isBlank() || e.department().equals(department)).toList();
	}

	/** The plan for the board's meeting as a spreadsheet. */
	@GetMapping("/backoffice/massnahmenplan.xlsx")
	ResponseEntity<byte[]> spreadsheet(@RequestParam(name = "fachbereich", required = false) @Nullable String department) {
		Map<String, String> names = catalogue.departmentNames();
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("Maßnahmenplan");
			String[] heads = {"Jahr", "Prozess-ID", "Prozess", "Fachbereich", "Verantwortlich", "Stand", "Notiz"};
			Row head = sheet.createRow(0);
			for (int c = 0; c < heads.length; c++) {
				head.createCell(c).setCellValue(heads[c]);
				sheet.setColumnWidth(c, (c == 2 || c == 6 ? 40 : 16) * 256);
			}
			int r = 1;
			for (PlanStore.Entry e : entries(department)) {
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(e.year());
				row.createCell(1).setCellValue(e.processKey());
				row.createCell(2).setCellValue(e.processName());
				row.createCell(3).setCellValue(names.getOrDefault(e.department(), e.department()));
				row.createCell(4).setCellValue(e.owner());
				row.createCell(5).setCellValue(STATUS.get(e.status()));
				row.createCell(6).setCellValue(e.note());
			}
			workbook.write(out);
			return Downloads.attachment(out.toByteArray(), "Massnahmenplan.xlsx", ImportController.XLSX);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The plan for the board's meeting as an archivable PDF/A document. */
	@GetMapping("/backoffice/massnahmenplan.pdf")
	ResponseEntity<byte[]> document(@RequestParam(name = "fachbereich", required = false) @Nullable String department) {
		Map<Integer, List<PlanStore.Entry>> byYear = entries(department).stream()
			.collect(Collectors.groupingBy(PlanStore.Entry::year, TreeMap::new, Collectors.toList()));
		byte[] document = pdf.render("catalogue/pdf/plan", Map.of("municipality", tenants.current().name(),
				"byYear", byYear, "departments", catalogue.departmentNames(), "statuses", STATUS,
				"department", department == null || department.isBlank() ? "" : catalogue.departmentNames().getOrDefault(department, department),
				"printed", java.time.LocalDate.now(clock).format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"))),
				java.util.Locale.GERMAN);
		return Downloads.attachment(document, "Massnahmenplan.pdf", "application/pdf");
	}

	static final Map<PlanStatus, String> STATUS = new java.util.EnumMap<>(Map.of(PlanStatus.PLANNED, "geplant", PlanStatus.IN_PROGRESS,
			"in Arbeit", PlanStatus.ONLINE, "online", PlanStatus.DEFERRED, "zurückgestellt"));

	@GetMapping("/backoffice/massnahmenplan")
	String show(@RequestParam(name = "fachbereich", required = false) @Nullable String department, SignedInUser user, Model model) {
		List<PlanStore.Entry> entries = plan.all().stream()
			.filter(e -> department == null || department.isBlank() || e.department().equals(department)).toList();
		Map<Integer, List<PlanStore.Entry>> byYear = entries.stream()
			.collect(Collectors.groupingBy(PlanStore.Entry::year, TreeMap::new, Collectors.toList()));
		model.addAttribute("byYear", byYear);
		model.addAttribute("department", department);
		model.addAttribute("departments", catalogue.departmentNames());
		model.addAttribute("processes", processes.all());
		model.addAttribute("statuses", PlanStatus.values());
		model.addAttribute("board", user.hasRole(StaffRole.BOARD));
		return "catalogue/plan";
	}

	@PostMapping("/backoffice/massnahmenplan")
	@PreAuthorize("hasAuthority('catalogue:prioritise')")
	@OnRefusal("/backoffice/massnahmenplan")
	public String save(@RequestParam(name = "prozess", defaultValue = "") String key, @RequestParam(name = "jahr", defaultValue = "") String year,
			@RequestParam(name = "verantwortlich", defaultValue = "") String owner, @RequestParam(name = "stand", defaultValue = "PLANNED") String status,
			@RequestParam(name = "notiz", defaultValue = "") String note, @RequestParam(name = "aktion", defaultValue = "speichern") String action,
			SignedInUser user, RedirectAttributes redirect) {
		ProcessRecord process = processes.findByKey(ProcessValues.clean(key).toUpperCase(java.util.Locale.ROOT)).orElse(null);
		if (process == null) {
			throw Refusal.of("plan.unknownProcess");
		}
		if ("entfernen".equals(action)) {
			plan.remove(process.id());
			redirect.addFlashAttribute("notice", "plan.removed");
			return "redirect:/backoffice/massnahmenplan";
		}
		int y;
		try {
			y = Integer.parseInt(year.strip());
		}
		catch (NumberFormatException e) {
			y = 0;
		}
		if (y < 2018 || y > 2030) {
			throw Refusal.of("plan.year.invalid");
		}
		PlanStatus planStatus = PlanStatus.of(status).orElseThrow(() -> Refusal.of("plan.status.invalid"));
		String cleanOwner = ProcessValues.clean(owner);
		String cleanNote = ProcessValues.clean(note);
		if (cleanOwner.length() > 200 || cleanNote.length() > 1000) {
			throw Refusal.of("plan.tooLong");
		}
		plan.save(process.id(), y, cleanOwner, planStatus, cleanNote);
		redirect.addFlashAttribute("notice", "plan.saved");
		return "redirect:/backoffice/massnahmenplan";
	}
}
