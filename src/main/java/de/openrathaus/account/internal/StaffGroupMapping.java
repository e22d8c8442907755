// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.openrathaus.account.DepartmentCode;
import de.openrathaus.account.StaffRole;

import org.jspecify.annotations.Nullable;

/**
 * Turns the groups a provider names into roles per department, as the municipality's mapping says.
 * Groups the mapping does not list are ignored; a mapping naming an invalid department code is ignored
 * too (and reported by the caller). Pure: no database, no provider.
 */
final class StaffGroupMapping {

	private StaffGroupMapping() {
	}

	/** The groups in the claim at this dotted path: a list of strings, or one string. */
	static List<String> groups(Map<String, Object> claims, String path) {
		Object value = claims;
		for (String part : path.split("\\.")) {
			if (!(value instanceof Map<?, ?> map)) {
				return List.of();
			}
			value = map.get(part);
		}
		if (value instanceof String single) {
			return List.of(single);
		}
		if (value instanceof Collection<?> many) {
			return many.stream().filter(String.class::isInstance).map(String.class::cast).toList();
		}
		return List.of();
	}

	static Map<DepartmentCode, Set<StaffRole>> roles(List<String> groups, List<StaffSsoSettings.GroupMapping> mapping) {
		Map<DepartmentCode, Set<StaffRole>> roles = new HashMap<>();
		for (StaffSsoSettings.GroupMapping entry : mapping) {
			DepartmentCode department = department(entry.department());
			if (department != null && groups.contains(entry.group())) {
				roles.computeIfAbsent(department, d -> EnumSet.noneOf(StaffRole.class)).add(entry.role());
			}
		}
		return roles;
	}

	private static @Nullable DepartmentCode department(String code) {
		try {
			return new DepartmentCode(code);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
