// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account;

import java.util.List;
import java.util.Optional;

/** Look-up of accounts of the current municipality, for display and for addressing mail. */
public interface AccountDirectory {

	Optional<AccountSummary> find(AccountId id);

	/**
	 * The citizen account (personal or organisation user) of the current municipality that signs in with, or receives mail
	 * at, this address (compared in lower case); staff accounts are not found. For a data subject's request in writing.
	 */
	Optional<AccountSummary> citizenByEmail(String email);

	/** The name of an organisation of the current municipality (as its identity provider last sent it). */
	Optional<String> organisationName(OrganisationId id);

	/** The handle of the account's BundID mailbox, as the identity provider sent it at the last sign-in. */
	Optional<java.util.UUID> bundIdMailbox(AccountId id);

	/** The enabled staff accounts of the current municipality that hold this role in any department. */
	List<AccountSummary> staffWith(StaffRole role);

	/** The departments of the current municipality, by name. */
	List<Department> departments();

	/** A department (Fachbereich). */
	record Department(DepartmentCode code, String name) {
	}

	/**
	 * What other modules may know about an account.
	 *
	 * @param email      where mail for the account goes: its sign-in address, or for an account without
	 *                   password the contact address its identity provider sent; null when it has none
	 * @param trustLevel the level of a password sign-in to it (a federated sign-in's level holds for its session only)
	 */
	record AccountSummary(AccountId id, AccountKind kind, @org.jspecify.annotations.Nullable String email, String displayName,
			TrustLevel trustLevel) {
	}
}
