// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import de.openrathaus.account.DepartmentCode;
import de.openrathaus.account.StaffRole;

import org.junit.jupiter.api.Test;

/** The municipality's group mapping: listed groups give their roles, everything else gives nothing. */
class StaffGroupMappingTests {

	static final List<StaffSsoSettings.GroupMapping> MAPPING = List.of(
			new StaffSsoSettings.GroupMapping("/Rathaus/Steuern", "steuern", StaffRole.CLERK),
			new StaffSsoSettings.GroupMapping("/Rathaus/Steuern-Leitung", "steuern", StaffRole.CLERK),
			new StaffSsoSettings.GroupMapping("/Rathaus/Steuern-Leitung", "steuern", StaffRole.REVIEWER),
			new StaffSsoSettings.GroupMapping("registratur", "organisation", StaffRole.RECORDS_MANAGER),
			new StaffSsoSettings.GroupMapping("kaputt", "Keine Abteilung!", StaffRole.ADMIN));

	@Test
	void listedGroupsGiveTheirRolesPerDepartmentUnknownOnesNothing() {
		assertThat(StaffGroupMapping.roles(List.of("/Rathaus/Steuern-Leitung", "/Kantine"), MAPPING))
			.isEqualTo(Map.of(new DepartmentCode("steuern"), Set.of(StaffRole.CLERK, StaffRole.REVIEWER)));
		assertThat(StaffGroupMapping.roles(List.of("/Kantine", "kaputt"), MAPPING)).isEmpty();
		assertThat(StaffGroupMapping.roles(List.of(), MAPPING)).isEmpty();
	}

	@Test
	void theGroupsClaimMayBeAListOneValueOrADottedPathIntoAnObject() {
		assertThat(StaffGroupMapping.groups(Map.of("groups", List.of("a", "b", 3)), "groups")).containsExactly("a", "b");
		assertThat(StaffGroupMapping.groups(Map.of("groups", "a"), "groups")).containsExactly("a");
		assertThat(StaffGroupMapping.groups(Map.of("realm_access", Map.of("roles", List.of("registratur"))), "realm_access.roles"))
			.containsExactly("registratur");
		assertThat(StaffGroupMapping.groups(Map.of("groups", Map.of()), "groups.x.y")).isEmpty();
		assertThat(StaffGroupMapping.groups(Map.of(), "groups")).isEmpty();
	}
}
