// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.web;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletRequest;

import de.openrathaus.account.SignedInUser;
import de.openrathaus.records.filing.CaseId;
import de.openrathaus.records.filing.FileId;
import de.openrathaus.records.config.RecordsSettings;
import de.openrathaus.records.retention.Retention;
import de.openrathaus.records.retention.XdomeaOfferList;
import de.openrathaus.web.OnRefusal;
import de.openrathaus.web.Refusal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The records manager's disposal list (Aussonderung) and legal holds. */
@Controller
@PreAuthorize("hasAuthority('records:manage')")
class RetentionController {

	private final Retention retention;
	private final RecordsSettings settings;
	private final de.openrathaus.tenancy.Tenants tenants;
	private final Clock clock;

	private final de.openrathaus.files.UploadScanner scanner;

	RetentionController(Retention retention, RecordsSettings settings, de.openrathaus.tenancy.Tenants tenants, Clock clock,
			de.openrathaus.files.UploadScanner scanner) {
		this.scanner = scanner;
		this.clock = clock;
		this.retention = retention;
		this.settings = settings;
		this.tenants = tenants;
	}

	@GetMapping("/backoffice/aussonderung/anbieteverzeichnis.zip")
	org.springframework.http.ResponseEntity<byte[]> offerList(SignedInUser user, HttpServletRequest request) {
		var tenant = tenants.current();
		try {
			byte[] zip = retention.offerList(new XdomeaOfferList.Parties(tenant.slug(), tenant.name(), settings.archiveKey(), settings.archiveName()),
					user.displayName(), RecordsController.origin(request));
			return de.openrathaus.files.Downloads.attachment(zip, "Anbieteverzeichnis-0501.zip", "application/zip");
		}
		catch (IllegalStateException e) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Nothing is due for the archive");
		}
	}

	@GetMapping("/backoffice/aussonderung")
	String list(Model model) {
		model.addAttribute("due", retention.due());
		return "records/retention";
	}

	@GetMapping("/backoffice/aussonderung/abgabe.zip")
	org.springframework.http.ResponseEntity<byte[]> handOver(SignedInUser user, HttpServletRequest request) {
		var tenant = tenants.current();
		try {
			byte[] zip = retention.handOver(new XdomeaOfferList.Parties(tenant.slug(), tenant.name(), settings.archiveKey(), settings.archiveName()),
					user.displayName(), RecordsController.origin(request));
			return de.openrathaus.files.Downloads.attachment(zip, "Aussonderung-0503.zip", "application/zip");
		}
		catch (IllegalStateException e) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Nothing is assessed for the archive");
		}
	}

	/** The archive's answer (0502 assessment or 0504 acknowledgement), as XML or in its ZIP package. */
	@PostMapping("/backoffice/aussonderung/antwort")
	@OnRefusal("/backoffice/aussonderung")
	String answer(@RequestParam(name = "nachricht", required = false) org.springframework.web.multipart.@org.jspecify.annotations.Nullable MultipartFile file,
			SignedInUser user, HttpServletRequest request, RedirectAttributes redirect) throws java.io.IOException {
		if (file == null || file.isEmpty() || file.getSize() > 10L * 1024 * 1024) {
			throw Refusal.of("records.archive.noMessage");
		}
		de.openrathaus.files.ScanVerdict verdict = scanner.scan(file.getBytes(), "records.archive-answer");
		if (!verdict.accepted()) {
			throw Refusal.of(verdict.outcome() == de.openrathaus.files.ScanVerdict.Outcome.INFECTED ? "records.upload.infected"
					: "records.upload.unchecked", de.openrathaus.files.Filenames.clean(file.getOriginalFilename() == null ? "" : file.getOriginalFilename()));
		}
		int count = retention.applyArchiveAnswer(xmlOf(file.getBytes()), user.displayName(), RecordsController.origin(request));
		redirect.addFlashAttribute("notice", "records.archive.applied");
		redirect.addFlashAttribute("listed", count);
		return "redirect:/backoffice/aussonderung";
	}

	/** The XML message itself, or the first XML file of a ZIP package (read with a size limit). */
	static byte[] xmlOf(byte[] upload) throws java.io.IOException {
		if (upload.length > 4 && upload[0] == 'P' && upload[1] == 'K') {
			try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(upload))) {
				java.util.zip.ZipEntry entry;
				while ((entry = zip.getNextEntry()) != null) {
					if (entry.getName().endsWith(".xml")) {
						return zip.readNBytes(20 * 1024 * 1024);
					}
				}
			}
			throw Refusal.of("records.archive.refused");
		}
		return upload;
	}

	@PostMapping("/backoffice/aussonderung/pruefen")
	String check(RedirectAttributes redirect) {
		int listed = retention.list(LocalDate.now(clock));
		redirect.addFlashAttribute("notice", "records.retention.checked");
		redirect.addFlashAttribute("listed", listed);
		return "redirect:/backoffice/aussonderung";
	}

	@PostMapping("/backoffice/aussonderung/{caseId}/vernichten")
	@OnRefusal("/backoffice/aussonderung")
	String destroy(@PathVariable CaseId caseId, SignedInUser user, HttpServletRequest request, RedirectAttributes redirect) {
		retention.destroy(caseId, user.displayName(), RecordsController.origin(request));
		redirect.addFlashAttribute("notice", "records.retention.destroyed");
		return "redirect:/backoffice/aussonderung";
	}

	@PostMapping("/backoffice/akten/{file}/sperre")
	String hold(@PathVariable FileId file, @RequestParam(name = "sperre") boolean hold, SignedInUser user, HttpServletRequest request,
			RedirectAttributes redirect) {
		retention.setLegalHold(file, hold, user.displayName(), RecordsController.origin(request));
		redirect.addFlashAttribute("notice", hold ? "records.hold.set" : "records.hold.lifted");
		return "redirect:/backoffice/akten/" + file;
	}
}
