// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.catalogue.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.openrathaus.account.SignedInUser;
import de.openrathaus.web.OnRefusal;
import de.openrathaus.web.Refusal;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of the process catalogue: list, a process with its history, the form, submit and review. */
@Controller
@PreAuthorize("hasAuthority('backoffice:use')")
class CatalogueController {

	private final Catalogue catalogue;
	private final ProcessStore store;
	private final CatalogueForm form;

	CatalogueController(Catalogue catalogue, ProcessStore store, CatalogueForm form) {
		this.catalogue = catalogue;
		this.store = store;
		this.form = form;
	}

	@GetMapping("/backoffice/katalog")
	String list(@RequestParam(name = "fachbereich", required = false) @Nullable String department,
			@RequestParam(name = "stand", required = false) @Nullable String status, Model model) {
		List<ProcessRecord> processes = department == null || department.isBlank() ? store.all() : store.ofDepartment(department);
		if (status != null && !status.isBlank()) {
			processes = processes.stream().filter(p -> p.status().name().equals(status)).toList();
		}
		model.addAttribute("processes", processes);
		model.addAttribute("departments", catalogue.departmentNames());
		model.addAttribute("department", department);
		model.addAttribute("status", status);
		return "catalogue/list";
	}

	@GetMapping("/backoffice/katalog/{id}")
	String show(@PathVariable ProcessId id, SignedInUser user, Model model, Locale locale) {
		ProcessRecord process = store.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("process", process);
		model.addAttribute("fields", form.fields(CatalogueForm.raw(process), List.of(), catalogue.departmentNames(), List.of(), locale));
		model.addAttribute("history", store.history(id));
		model.addAttribute("departments", catalogue.departmentNames());
		model.addAttribute("mayEdit", Catalogue.mayEdit(user, process.department()));
		model.addAttribute("mayReview", Catalogue.mayReview(user));
		return "catalogue/process";
	}

	@GetMapping("/backoffice/katalog/neu")
	String newForm(SignedInUser user, Model model, Locale locale) {
		Map<ProcessField, String> raw = new java.util.EnumMap<>(ProcessField.class);
		user.departmentsWith(de.openrathaus.account.StaffRole.CLERK).stream().findFirst().ifPresent(d -> raw.put(ProcessField.DEPARTMENT, d.value()));
		showForm(model, null, 0, raw, List.of(), locale);
		return "catalogue/form";
	}

	@GetMapping("/backoffice/katalog/{id}/bearbeiten")
	String editForm(@PathVariable ProcessId id, Model model, Locale locale) {
		ProcessRecord process = store.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		showForm(model, id, process.version(), CatalogueForm.raw(process), List.of(), locale);
		return "catalogue/form";
	}

	@PostMapping({"/backoffice/katalog", "/backoffice/katalog/{id}"})
	String save(@PathVariable(required = false) @Nullable ProcessId id, @RequestParam MultiValueMap<String, String> posted,
			SignedInUser user, Model model, Locale locale, RedirectAttributes redirect) {
		Map<ProcessField, String> raw = CatalogueForm.raw(posted);
		int version = parseVersion(posted.getFirst("version"));
		ProcessValues.Result result = catalogue.read(raw);
		if (!result.valid()) {
			showForm(model, id, version, raw, result.problems(), locale);
			return "catalogue/form";
		}
		try {
			ProcessId saved = catalogue.save(user, id, version, result.values());
			redirect.addFlashAttribute("notice", "catalogue.saved");
			return "redirect:/backoffice/katalog/" + saved;
		}
		catch (Refusal refused) {
			// the form is shown again with what was entered, so this refusal is answered here, not by redirect
			showForm(model, id, version, raw, List.of(), locale);
			model.addAttribute("refused", refused.messageKey());
			return "catalogue/form";
		}
	}

	private static int parseVersion(@Nullable String text) {
		try {
			return text == null ? 0 : Integer.parseInt(text);
		}
		catch (NumberFormatException e) {
			return 0;
		}
	}

	private void showForm(Model model, @Nullable ProcessId id, int version, Map<ProcessField, String> raw, List<ProcessValues.Problem> problems,
			Locale locale) {
		model.addAttribute("id", id);
		model.addAttribute("version", version);
		model.addAttribute("errors", form.errors(problems, locale));
		model.addAttribute("fields", form.fields(raw, problems, catalogue.departmentNames(), List.copyOf(new java.util.TreeSet<>(catalogue.procedureTypes())), locale));
	}

	@PostMapping("/backoffice/katalog/{id}/einreichen")
	@OnRefusal("/backoffice/katalog/{id}")
	String submit(@PathVariable ProcessId id, SignedInUser user, RedirectAttributes redirect) {
		catalogue.submit(user, id);
		return done(id, redirect, "catalogue.submitted");
	}

	@PostMapping("/backoffice/katalog/{id}/pruefung")
	@OnRefusal("/backoffice/katalog/{id}")
	String review(@PathVariable ProcessId id, @RequestParam(name = "ergebnis", defaultValue = "") String outcome,
			@RequestParam(name = "kommentar", required = false) @Nullable String comment, SignedInUser user, RedirectAttributes redirect) {
		boolean accept = "geprueft".equals(outcome);
		catalogue.review(user, id, accept, comment == null ? "" : comment);
		return done(id, redirect, accept ? "catalogue.reviewed" : "catalogue.returned");
	}

	@PostMapping("/backoffice/katalog/{id}/kommentar")
	@OnRefusal("/backoffice/katalog/{id}")
	String comment(@PathVariable ProcessId id, @RequestParam(name = "kommentar", required = false) @Nullable String comment,
			SignedInUser user, RedirectAttributes redirect) {
		catalogue.comment(user, id, comment == null ? "" : comment);
		return done(id, redirect, "catalogue.commented");
	}

	private static String done(ProcessId id, RedirectAttributes redirect, String success) {
		redirect.addFlashAttribute("notice", success);
		return "redirect:/backoffice/katalog/" + id;
	}
}
