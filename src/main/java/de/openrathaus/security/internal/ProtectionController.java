// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.security.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import de.openrathaus.account.Authorities;
import de.openrathaus.account.SignedInUser;
import de.openrathaus.account.WebAccess;
import de.openrathaus.catalogue.CatalogueProcesses;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The information security officer's pages: the protection needs of processes and systems with what each
 * system inherits and from where, the forms to assess a process and to describe a system, and the ISMS
 * register of IT-Grundschutz modules.
 */
@Controller
@PreAuthorize("hasAuthority('security:manage')")
class ProtectionController {

	static final String NEEDS = "/sicherheit/schutzbedarf";
	static final String ISMS = "/sicherheit/isms";

	private final ProtectionNeeds needs;
	private final Clock clock;

	ProtectionController(ProtectionNeeds needs, Clock clock) {
		this.needs = needs;
		this.clock = clock;
	}

	@Configuration(proxyBeanMethods = false)
	static class ProtectionWebSecurity {

		@Bean
		WebAccess protectionWebAccess() {
			return new WebAccess(List.of(), Map.of(NEEDS, Authorities.SECURITY_MANAGE, NEEDS + "/**", Authorities.SECURITY_MANAGE, ISMS,
					Authorities.SECURITY_MANAGE, ISMS + "/**", Authorities.SECURITY_MANAGE));
		}
	}

	@GetMapping(NEEDS)
	String overview(Model model) {
		model.addAttribute("overview", needs.overview());
		model.addAttribute("dimensions", Inheritance.Dimension.values());
		return "security/overview";
	}

	@GetMapping(NEEDS + "/prozesse/{key}")
	String processForm(@PathVariable String key, Model model) {
		CatalogueProcesses.Summary process = needs.process(key).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Optional<ProtectionStore.ProcessNeed> need = needs.need(key);
		return showProcess(model, process, need.map(ProtectionStore.ProcessNeed::need).orElse(Inheritance.Need.NONE),
				need.map(ProtectionStore.ProcessNeed::reason).orElse(""), needs.systemsOf(key), List.of());
	}

	@PostMapping(NEEDS + "/prozesse/{key}")
	String assessProcess(@PathVariable String key, @RequestParam(name = "vertraulichkeit", required = false) @Nullable String confidentiality,
			@RequestParam(name = "integritaet", required = false) @Nullable String integrity,
			@RequestParam(name = "verfuegbarkeit", required = false) @Nullable String availability,
			@RequestParam(name = "begruendung", defaultValue = "") String reason,
			@RequestParam(name = "systeme", required = false) @Nullable List<UUID> systems, SignedInUser officer, Model model,
			RedirectAttributes redirect) {
		CatalogueProcesses.Summary process = needs.process(key).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Inheritance.Need need = new Inheritance.Need(Level.parse(confidentiality), Level.parse(integrity), Level.parse(availability));
		Set<UUID> used = systems == null ? Set.of() : Set.copyOf(systems);
		List<String> problems = needs.assessProcess(officer, key, need, reason, used);
		if (!problems.isEmpty()) {
			return showProcess(model, process, need, reason, used, problems);
		}
		redirect.addFlashAttribute("notice", "security.saved");
		return "redirect:" + NEEDS;
	}

	private String showProcess(Model model, CatalogueProcesses.Summary process, Inheritance.Need need, String reason, Set<UUID> used,
			List<String> problems) {
		model.addAttribute("process", process);
		model.addAttribute("need", need);
		model.addAttribute("reason", reason);
		model.addAttribute("used", used);
		model.addAttribute("systems", needs.systems());
		model.addAttribute("levels", Level.values());
		model.addAttribute("problems", problems);
		return "security/process";
	}

	@GetMapping(NEEDS + "/systeme/neu")
	String newSystem(Model model) {
		return showSystem(model, null, "", null, "", Inheritance.Need.NONE, "", Set.of(), List.of());
	}

	@GetMapping(NEEDS + "/systeme/{id}")
	String systemForm(@PathVariable UUID id, Model model) {
		ProtectionStore.ItSystem system = needs.systems().stream().filter(s -> s.id().equals(id)).findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return showSystem(model, id, system.name(), system.kind(), system.description(), system.own(), system.reason(), needs.dependenciesOf(id),
				List.of());
	}

	@PostMapping({ NEEDS + "/systeme", NEEDS + "/systeme/{id}" })
	String saveSystem(@PathVariable(required = false) @Nullable UUID id, @RequestParam(name = "name", defaultValue = "") String name,
			@RequestParam(name = "art", required = false) @Nullable String kind, @RequestParam(name = "beschreibung", defaultValue = "") String description,
			@RequestParam(name = "vertraulichkeit", required = false) @Nullable String confidentiality,
			@RequestParam(name = "integritaet", required = false) @Nullable String integrity,
			@RequestParam(name = "verfuegbarkeit", required = false) @Nullable String availability,
			@RequestParam(name = "begruendung", defaultValue = "") String reason,
			@RequestParam(name = "abhaengig", required = false) @Nullable List<UUID> dependsOn, SignedInUser officer, Model model,
			RedirectAttributes redirect) {
		ProtectionStore.Kind parsedKind = parseKind(kind);
		Inheritance.Need own = new Inheritance.Need(Level.parse(confidentiality), Level.parse(integrity), Level.parse(availability));
		Set<UUID> dependencies = dependsOn == null ? Set.of() : Set.copyOf(dependsOn);
		ProtectionNeeds.Saved saved = needs.saveSystem(officer, id, name, parsedKind, description, own, reason, dependencies);
		if (!saved.problems().isEmpty()) {
			return showSystem(model, id, name, parsedKind, description, own, reason, dependencies, saved.problems());
		}
		redirect.addFlashAttribute("notice", "security.saved");
		return "redirect:" + NEEDS;
	}

	private String showSystem(Model model, @Nullable UUID id, String name, ProtectionStore.@Nullable Kind kind, String description,
			Inheritance.Need own, String reason, Set<UUID> dependsOn, List<String> problems) {
		model.addAttribute("id", id);
		model.addAttribute("name", name);
		model.addAttribute("kind", kind);
		model.addAttribute("description", description);
		model.addAttribute("need", own);
		model.addAttribute("reason", reason);
		model.addAttribute("dependsOn", dependsOn);
		model.addAttribute("others", needs.systems().stream().filter(s -> !s.id().equals(id)).toList());
		model.addAttribute("kinds", ProtectionStore.Kind.values());
		model.addAttribute("levels", Level.values());
		model.addAttribute("problems", problems);
		return "security/system";
	}

	/** One line of the ISMS register as shown. */
	record ModuleLine(UUID id, String code, String title, String target, ProtectionStore.Status status, String responsible, String note,
			String dueOn, boolean overdue) {
	}

	@GetMapping(ISMS)
	String isms(Model model) {
		Map<UUID, String> names = needs.systems().stream().collect(Collectors.toMap(ProtectionStore.ItSystem::id, ProtectionStore.ItSystem::name));
		LocalDate today = LocalDate.now(clock);
		model.addAttribute("modules", needs.modules().stream().map(m -> new ModuleLine(m.id(), m.code(), m.title(),
				m.system() == null ? "" : names.getOrDefault(m.system(), ""), m.status(), m.responsible(), m.note(),
				m.dueOn() == null ? "" : m.dueOn().toString(),
				m.dueOn() != null && m.dueOn().isBefore(today) && m.status() != ProtectionStore.Status.DONE
						&& m.status() != ProtectionStore.Status.NOT_APPLICABLE))
			.toList());
		model.addAttribute("known", ProtectionNeeds.knownModules());
		model.addAttribute("systems", needs.systems());
		model.addAttribute("statuses", ProtectionStore.Status.values());
		return "security/isms";
	}

	@PostMapping(ISMS)
	String addModule(@RequestParam(name = "baustein", defaultValue = "") String code, @RequestParam(name = "titel", required = false) @Nullable String title,
			@RequestParam(name = "system", required = false) @Nullable UUID system, SignedInUser officer, RedirectAttributes redirect) {
		Optional<String> problem = needs.addModule(officer, code, title, system);
		redirect.addFlashAttribute(problem.isPresent() ? "problem" : "notice", problem.orElse("security.isms.added"));
		return "redirect:" + ISMS;
	}

	@PostMapping(ISMS + "/{id}")
	String updateModule(@PathVariable UUID id, @RequestParam(name = "stand", required = false) @Nullable String status,
			@RequestParam(name = "verantwortlich", defaultValue = "") String responsible, @RequestParam(name = "vermerk", defaultValue = "") String note,
			@RequestParam(name = "frist", required = false) @Nullable String due, SignedInUser officer, RedirectAttributes redirect) {
		LocalDate dueOn;
		try {
			dueOn = due == null || due.isBlank() ? null : LocalDate.parse(due.strip());
		}
		catch (DateTimeParseException e) {
			redirect.addFlashAttribute("problem", "security.problem.date");
			return "redirect:" + ISMS;
		}
		ProtectionStore.Status parsed = null;
		try {
			parsed = status == null ? null : ProtectionStore.Status.valueOf(status);
		}
		catch (IllegalArgumentException e) {
			parsed = null;
		}
		Optional<String> problem = needs.updateModule(officer, id, parsed, responsible, note, dueOn);
		redirect.addFlashAttribute(problem.isPresent() ? "problem" : "notice", problem.orElse("security.isms.updated"));
		return "redirect:" + ISMS + "#baustein-" + id;
	}

	private static ProtectionStore.@Nullable Kind parseKind(@Nullable String kind) {
		try {
			return kind == null ? null : ProtectionStore.Kind.valueOf(kind);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
