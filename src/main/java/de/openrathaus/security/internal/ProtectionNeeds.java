// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.security.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import de.openrathaus.account.SignedInUser;
import de.openrathaus.catalogue.CatalogueProcesses;
import de.openrathaus.files.InputText;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The protection needs assessment (BSI standard 200-2) and the ISMS register: reads the catalogue's
 * processes, keeps the assessments and the systems, and inherits the needs along the dependencies.
 * Input is checked here; a save with problems changes nothing and names the problems (message keys).
 */
@Service
class ProtectionNeeds {

	/** A module of the IT-Grundschutz-Kompendium the register offers. */
	record KnownModule(String code, String title) {
	}

	/** A process as the overview shows it; {@code need} is null until assessed. */
	record ProcessView(CatalogueProcesses.Summary process, ProtectionStore.@Nullable ProcessNeed need, List<String> systems) {
	}

	/** A system as the overview shows it. */
	record SystemView(ProtectionStore.ItSystem system, Inheritance.Effective effective, List<String> dependsOn, List<String> usedBy) {
	}

	/** The whole assessment. */
	record Overview(List<ProcessView> processes, List<SystemView> systems) {
	}

	private static final List<KnownModule> KNOWN = readKnownModules();

	private final ProtectionStore store;
	private final CatalogueProcesses catalogue;
	private final Clock clock;

	ProtectionNeeds(ProtectionStore store, CatalogueProcesses catalogue, Clock clock) {
		this.store = store;
		this.catalogue = catalogue;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	Overview overview() {
		List<CatalogueProcesses.Summary> processes = catalogue.all();
		Map<String, ProtectionStore.ProcessNeed> needs = store.processNeeds();
		Map<String, Set<UUID>> uses = store.processSystems();
		List<ProtectionStore.ItSystem> systems = store.systems();
		Map<UUID, String> names = systems.stream().collect(Collectors.toMap(ProtectionStore.ItSystem::id, ProtectionStore.ItSystem::name));
		Map<UUID, Set<UUID>> dependsOn = store.dependencies();

		Map<UUID, Set<String>> usedByProcesses = new HashMap<>();
		uses.forEach((process, used) -> used.forEach(system -> usedByProcesses.computeIfAbsent(system, s -> new HashSet<>()).add(process)));
		Map<UUID, Set<UUID>> usedBySystems = new HashMap<>();
		dependsOn.forEach((system, dependencies) -> dependencies.forEach(d -> usedBySystems.computeIfAbsent(d, s -> new HashSet<>()).add(system)));
		Map<UUID, Inheritance.Dependents> dependents = new HashMap<>();
		Map<UUID, Inheritance.Need> own = new LinkedHashMap<>();
		for (ProtectionStore.ItSystem system : systems) {
			own.put(system.id(), system.own());
			dependents.put(system.id(), new Inheritance.Dependents(usedByProcesses.getOrDefault(system.id(), Set.of()),
					usedBySystems.getOrDefault(system.id(), Set.of())));
		}
		Map<String, Inheritance.Need> processNeeds = new HashMap<>();
		needs.forEach((key, need) -> processNeeds.put(key, need.need()));
		Map<UUID, Inheritance.Effective> effective = Inheritance.of(processNeeds, own, names, dependents);

		List<ProcessView> processViews = processes.stream().map(p -> new ProcessView(p, needs.get(p.key()),
				uses.getOrDefault(p.key(), Set.of()).stream().map(names::get).sorted().toList())).toList();
		List<SystemView> systemViews = systems.stream().map(s -> new SystemView(s, effective.get(s.id()),
				dependsOn.getOrDefault(s.id(), Set.of()).stream().map(names::get).sorted().toList(),
				java.util.stream.Stream.concat(usedByProcesses.getOrDefault(s.id(), Set.of()).stream(),
						usedBySystems.getOrDefault(s.id(), Set.of()).stream().map(names::get)).sorted().toList()))
			.toList();
		return new Overview(processViews, systemViews);
	}

	@Transactional(readOnly = true)
	Optional<CatalogueProcesses.Summary> process(String key) {
		return catalogue.all().stream().filter(p -> p.key().equals(key)).findFirst();
	}

	@Transactional(readOnly = true)
	Optional<ProtectionStore.ProcessNeed> need(String key) {
		return Optional.ofNullable(store.processNeeds().get(key));
	}

	@Transactional(readOnly = true)
	Set<UUID> systemsOf(String processKey) {
		return store.processSystems().getOrDefault(processKey, Set.of());
	}

	@Transactional(readOnly = true)
	List<ProtectionStore.ItSystem> systems() {
		return store.systems();
	}

	@Transactional(readOnly = true)
	Set<UUID> dependenciesOf(UUID system) {
		return store.dependencies().getOrDefault(system, Set.of());
	}

	/** Saves a process's assessment; returns the problems (message keys), empty when saved. */
	@Transactional
	List<String> assessProcess(SignedInUser officer, String key, Inheritance.Need need, String reason, Set<UUID> systems) {
		List<String> problems = new ArrayList<>();
		if (process(key).isEmpty()) {
			problems.add("security.problem.unknownProcess");
		}
		if (need.confidentiality() == null || need.integrity() == null || need.availability() == null) {
			problems.add("security.problem.levelsMissing");
		}
		String text = InputText.nfc(reason).strip();
		if (text.isEmpty() || text.length() > 4000) {
			problems.add("security.problem.reasonMissing");
		}
		Set<UUID> known = store.systems().stream().map(ProtectionStore.ItSystem::id).collect(Collectors.toSet());
		if (!known.containsAll(systems)) {
			problems.add("security.problem.unknownSystem");
		}
		if (problems.isEmpty()) {
			store.saveProcessNeed(key, need, text, systems, officer.id().value(), clock.instant());
		}
		return problems;
	}

	/** Saves a system (new when {@code id} is null); returns its id or the problems. */
	@Transactional
	Saved saveSystem(SignedInUser officer, @Nullable UUID id, String name, ProtectionStore.@Nullable Kind kind, String description,
			Inheritance.Need own, String reason, Set<UUID> dependsOn) {
		store.lockSystems();
		List<String> problems = new ArrayList<>();
		String cleanName = InputText.nfc(name).strip();
		if (cleanName.isEmpty() || cleanName.length() > 200) {
			problems.add("security.problem.nameMissing");
		}
		else if (store.nameTaken(cleanName, id)) {
			problems.add("security.problem.nameTaken");
		}
		if (kind == null) {
			problems.add("security.problem.kindMissing");
		}
		String text = InputText.nfc(reason).strip();
		boolean assessed = own.confidentiality() != null || own.integrity() != null || own.availability() != null;
		if ((assessed && text.isEmpty()) || text.length() > 4000) {
			problems.add("security.problem.reasonMissing");
		}
		String about = InputText.nfc(description).strip();
		if (about.length() > 2000) {
			problems.add("security.problem.descriptionTooLong");
		}
		Map<UUID, Set<UUID>> graph = new HashMap<>(store.dependencies());
		Set<UUID> known = store.systems().stream().map(ProtectionStore.ItSystem::id).collect(Collectors.toSet());
		if (id != null && !known.contains(id)) {
			problems.add("security.problem.unknownSystem");
		}
		if (!known.containsAll(dependsOn)) {
			problems.add("security.problem.unknownSystem");
		}
		else if (id != null) {
			graph.remove(id);
			if (dependsOn.stream().anyMatch(dependency -> Inheritance.wouldCycle(id, dependency, graph))) {
				problems.add("security.problem.cycle");
			}
		}
		if (!problems.isEmpty()) {
			return new Saved(null, problems);
		}
		return new Saved(store.saveSystem(id, cleanName, kind, about, own, text, dependsOn, officer.id().value(), clock.instant()), List.of());
	}

	/** The outcome of a save: the id, or the problems. */
	record Saved(@Nullable UUID id, List<String> problems) {
	}

	@Transactional(readOnly = true)
	List<ProtectionStore.IsmsModule> modules() {
		return store.modules();
	}

	static List<KnownModule> knownModules() {
		return KNOWN;
	}

	/** Adds a module of the Kompendium (by code) or another one (code and title); returns the problem, if any. */
	@Transactional
	Optional<String> addModule(SignedInUser officer, String code, @Nullable String title, @Nullable UUID system) {
		String cleanCode = InputText.nfc(code).strip().toUpperCase(java.util.Locale.ROOT);
		if (!cleanCode.matches("[A-Z]{2,5}(\\.[0-9]{1,2}){0,4}")) {
			return Optional.of("security.problem.code");
		}
		String name = KNOWN.stream().filter(m -> m.code().equals(cleanCode)).map(KnownModule::title).findFirst()
			.orElse(title == null ? "" : InputText.nfc(title).strip());
		if (name.isEmpty() || name.length() > 200) {
			return Optional.of("security.problem.title");
		}
		if (system != null && store.systems().stream().noneMatch(s -> s.id().equals(system))) {
			return Optional.of("security.problem.unknownSystem");
		}
		return store.addModule(cleanCode, name, system, officer.id().value(), clock.instant()) ? Optional.empty()
				: Optional.of("security.problem.moduleTwice");
	}

	@Transactional
	Optional<String> updateModule(SignedInUser officer, UUID id, ProtectionStore.@Nullable Status status, String responsible, String note,
			@Nullable LocalDate dueOn) {
		if (status == null) {
			return Optional.of("security.problem.status");
		}
		String who = InputText.nfc(responsible).strip();
		String text = InputText.nfc(note).strip();
		if (who.length() > 200 || text.length() > 4000) {
			return Optional.of("security.problem.tooLong");
		}
		return store.updateModule(id, status, who, text, dueOn, officer.id().value(), clock.instant()) ? Optional.empty()
				: Optional.of("security.problem.unknownModule");
	}

	private static List<KnownModule> readKnownModules() {
		try {
			String text = new ClassPathResource("security/grundschutz-modules.tsv").getContentAsString(StandardCharsets.UTF_8);
			return text.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).map(line -> line.split("\t", 2))
				.map(parts -> new KnownModule(parts[0].strip(), parts[1].strip())).toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
