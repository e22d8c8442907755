// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.security.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The maximum principle of BSI standard 200-2: an IT system needs at least the protection of everything
 * that depends on it: the processes that use it and the systems that run on it or use it, and at least
 * what its own assessment says. Each dimension is inherited on its own, and for each the source of the
 * highest level is named, so the assessment can be read back.
 */
final class Inheritance {

	/** Confidentiality, integrity, availability; any may be missing (not assessed). */
	record Need(@Nullable Level confidentiality, @Nullable Level integrity, @Nullable Level availability) {

		static final Need NONE = new Need(null, null, null);

		@Nullable Level get(Dimension dimension) {
			return switch (dimension) {
				case CONFIDENTIALITY -> confidentiality;
				case INTEGRITY -> integrity;
				case AVAILABILITY -> availability;
			};
		}
	}

	enum Dimension {
		CONFIDENTIALITY, INTEGRITY, AVAILABILITY
	}

	/** A level and where it comes from: {@code null} source means the system's own assessment. */
	record Sourced(@Nullable Level level, @Nullable String source) {
	}

	/** A system's need per dimension, each with its source. */
	record Effective(Map<Dimension, Sourced> dimensions) {

		public Sourced get(Dimension dimension) {
			return dimensions.get(dimension);
		}
	}

	/** What depends on a system: processes (by key) and systems (by id). */
	record Dependents(Set<String> processes, Set<UUID> systems) {
	}

	private Inheritance() {
	}

	/**
	 * The effective need of every system.
	 *
	 * @param processes each assessed process's need, by key
	 * @param own each system's own assessment, by id (every system appears, with {@link Need#NONE} if none)
	 * @param names each system's name, to name the source
	 * @param dependents for each system, what uses it
	 * @throws IllegalArgumentException if the systems' dependencies form a cycle
	 */
	static Map<UUID, Effective> of(Map<String, Need> processes, Map<UUID, Need> own, Map<UUID, String> names, Map<UUID, Dependents> dependents) {
		Map<UUID, Effective> done = new HashMap<>();
		for (UUID system : own.keySet()) {
			resolve(system, processes, own, names, dependents, done, new HashSet<>());
		}
		return new LinkedHashMap<>(done);
	}

	private static Effective resolve(UUID system, Map<String, Need> processes, Map<UUID, Need> own, Map<UUID, String> names,
			Map<UUID, Dependents> dependents, Map<UUID, Effective> done, Set<UUID> visiting) {
		Effective known = done.get(system);
		if (known != null) {
			return known;
		}
		if (!visiting.add(system)) {
			throw new IllegalArgumentException("the dependencies of " + names.get(system) + " form a cycle");
		}
		Dependents using = dependents.getOrDefault(system, new Dependents(Set.of(), Set.of()));
		Map<Dimension, Sourced> result = new java.util.EnumMap<>(Dimension.class);
		for (Dimension dimension : Dimension.values()) {
			Sourced best = new Sourced(own.getOrDefault(system, Need.NONE).get(dimension), null);
			for (String process : using.processes().stream().sorted().toList()) {
				best = higher(best, new Sourced(processes.getOrDefault(process, Need.NONE).get(dimension), process));
			}
			for (UUID other : using.systems().stream().sorted().toList()) {
				Sourced inherited = resolve(other, processes, own, names, dependents, done, visiting).get(dimension);
				best = higher(best, new Sourced(inherited.level(), names.get(other)));
			}
			result.put(dimension, best);
		}
		visiting.remove(system);
		Effective effective = new Effective(result);
		done.put(system, effective);
		return effective;
	}

	/** The higher one; on a tie the one found first (the system's own assessment before what it inherits). */
	private static Sourced higher(Sourced kept, Sourced candidate) {
		if (candidate.level() == null) {
			return kept;
		}
		if (kept.level() == null || candidate.level().compareTo(kept.level()) > 0) {
			return candidate;
		}
		return kept;
	}

	/** Whether making {@code system} depend on {@code dependency} would close a cycle. */
	static boolean wouldCycle(UUID system, UUID dependency, Map<UUID, Set<UUID>> dependsOn) {
		if (system.equals(dependency)) {
			return true;
		}
		Set<UUID> seen = new HashSet<>();
		List<UUID> todo = new java.util.ArrayList<>(List.of(dependency));
		while (!todo.isEmpty()) {
			UUID next = todo.removeLast();
			if (next.equals(system)) {
				return true;
			}
			if (seen.add(next)) {
				todo.addAll(dependsOn.getOrDefault(next, Set.of()));
			}
		}
		return false;
	}
}
