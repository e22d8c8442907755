// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import de.openrathaus.tenancy.TenantId;

/**
 * Who is signed in, as other modules see it. Controllers receive it as a method parameter.
 *
 * @param roles the staff roles held per department (empty for citizens)
 */
public record SignedInUser(AccountId id, TenantId tenant, AccountKind kind, String email, String displayName,
		TrustLevel trustLevel, Map<DepartmentCode, Set<StaffRole>> roles) {

	public SignedInUser {
		roles = Map.copyOf(roles);
	}

	public boolean isCitizen() {
		return kind == AccountKind.CITIZEN;
	}

	public boolean hasRole(StaffRole role) {
		return roles.values().stream().anyMatch(set -> set.contains(role));
	}

	public boolean hasRoleIn(DepartmentCode department, StaffRole role) {
		return roles.getOrDefault(department, Set.of()).contains(role);
	}

	/** The departments in which this user holds the given role. */
	public Set<DepartmentCode> departmentsWith(StaffRole role) {
		return roles.entrySet().stream().filter(e -> e.getValue().contains(role)).map(Map.Entry::getKey)
				.collect(Collectors.toUnmodifiableSet());
	}
}
