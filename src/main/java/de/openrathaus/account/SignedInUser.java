// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import de.openrathaus.tenancy.TenantId;

import org.jspecify.annotations.Nullable;

/**
 * Who is signed in, as other modules see it. Controllers receive it as a method parameter. It
 * describes this session, not the account for ever: a federated sign-in's level, the attributes
 * the identity provider vouched for and the organisation acted for end with the session.
 *
 * @param email          the sign-in address, or for an account without password the contact address
 *                       the identity provider sent; null when there is none
 * @param trustLevel     the level of this session's sign-in (a password sign-in: the account's stored
 *                       level; a federated sign-in: the level the identity provider asserted)
 * @param roles          the staff roles held per department (empty for citizens)
 * @param verifiedPerson what the identity provider vouched for in this session's sign-in, for
 *                       prefilling forms; null after a password sign-in
 * @param actingFor      the organisation this person acts for in this session, or null
 */
public record SignedInUser(AccountId id, TenantId tenant, AccountKind kind, @Nullable String email, String displayName,
		TrustLevel trustLevel, Map<DepartmentCode, Set<StaffRole>> roles, FederatedIdentity.@Nullable Person verifiedPerson,
		@Nullable ActingFor actingFor) implements java.io.Serializable {

	public SignedInUser {
		roles = Map.copyOf(roles);
	}

	/** A session without federated attributes and without an organisation (password sign-in). */
	public SignedInUser(AccountId id, TenantId tenant, AccountKind kind, @Nullable String email, String displayName,
			TrustLevel trustLevel, Map<DepartmentCode, Set<StaffRole>> roles) {
		this(id, tenant, kind, email, displayName, trustLevel, roles, null, null);
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
