// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.security.internal;

import static de.openrathaus.security.internal.Level.HIGH;
import static de.openrathaus.security.internal.Level.NORMAL;
import static de.openrathaus.security.internal.Level.VERY_HIGH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import de.openrathaus.security.internal.Inheritance.Dependents;
import de.openrathaus.security.internal.Inheritance.Dimension;
import de.openrathaus.security.internal.Inheritance.Need;

import org.junit.jupiter.api.Test;

/** The maximum principle of BSI 200-2, dimension by dimension, with the source of each level. */
class InheritanceTests {

	final UUID application = UUID.randomUUID();
	final UUID server = UUID.randomUUID();
	final UUID room = UUID.randomUUID();
	final Map<UUID, String> names = Map.of(application, "Fachverfahren", server, "Server 1", room, "Serverraum");

	@Test
	void systemsInheritTheHighestNeedOfWhatDependsOnThemThroughEveryLevel() {
		Map<String, Need> processes = Map.of("HUNDESTEUER", new Need(HIGH, NORMAL, NORMAL), "GEWERBE", new Need(NORMAL, HIGH, NORMAL));
		Map<UUID, Need> own = Map.of(application, Need.NONE, server, Need.NONE, room, new Need(null, null, HIGH));
		Map<UUID, Dependents> dependents = Map.of(application, new Dependents(Set.of("HUNDESTEUER", "GEWERBE"), Set.of()),
				server, new Dependents(Set.of(), Set.of(application)), room, new Dependents(Set.of(), Set.of(server)));

		Map<UUID, Inheritance.Effective> effective = Inheritance.of(processes, own, names, dependents);

		assertThat(effective.get(application).get(Dimension.CONFIDENTIALITY)).isEqualTo(new Inheritance.Sourced(HIGH, "HUNDESTEUER"));
		assertThat(effective.get(application).get(Dimension.INTEGRITY)).isEqualTo(new Inheritance.Sourced(HIGH, "GEWERBE"));
		assertThat(effective.get(server).get(Dimension.CONFIDENTIALITY)).isEqualTo(new Inheritance.Sourced(HIGH, "Fachverfahren"));
		assertThat(effective.get(room).get(Dimension.INTEGRITY)).isEqualTo(new Inheritance.Sourced(HIGH, "Server 1"));
		// the room's own assessment outranks the normal availability it inherits
		assertThat(effective.get(room).get(Dimension.AVAILABILITY)).isEqualTo(new Inheritance.Sourced(HIGH, null));
	}

	@Test
	void anOwnAssessmentCountsOnlyWhereItIsHigherAndNothingAssessedStaysUnassessed() {
		Map<UUID, Need> own = Map.of(application, new Need(NORMAL, VERY_HIGH, null), server, Need.NONE, room, Need.NONE);
		Map<UUID, Dependents> dependents = Map.of(application, new Dependents(Set.of("HUNDESTEUER"), Set.of()));

		Map<UUID, Inheritance.Effective> effective = Inheritance.of(Map.of("HUNDESTEUER", new Need(HIGH, NORMAL, NORMAL)), own, names,
				dependents);

		assertThat(effective.get(application).get(Dimension.CONFIDENTIALITY)).isEqualTo(new Inheritance.Sourced(HIGH, "HUNDESTEUER"));
		assertThat(effective.get(application).get(Dimension.INTEGRITY)).isEqualTo(new Inheritance.Sourced(VERY_HIGH, null));
		assertThat(effective.get(application).get(Dimension.AVAILABILITY)).isEqualTo(new Inheritance.Sourced(NORMAL, "HUNDESTEUER"));
		assertThat(effective.get(server).get(Dimension.AVAILABILITY).level()).isNull();
	}

	@Test
	void aCycleIsFoundBeforeItIsSavedAndRefusedIfStored() {
		Map<UUID, Set<UUID>> dependsOn = Map.of(application, Set.of(server), server, Set.of(room));
		assertThat(Inheritance.wouldCycle(room, application, dependsOn)).isTrue();
		assertThat(Inheritance.wouldCycle(room, room, dependsOn)).isTrue();
		assertThat(Inheritance.wouldCycle(application, room, dependsOn)).isFalse();

		Map<UUID, Dependents> cycle = Map.of(application, new Dependents(Set.of(), Set.of(server)), server,
				new Dependents(Set.of(), Set.of(application)));
		assertThatThrownBy(() -> Inheritance.of(Map.of(), Map.of(application, Need.NONE, server, Need.NONE), names, cycle))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cycle");
	}
}
