// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account;

import java.util.List;
import java.util.Optional;

/** Look-up of accounts of the current municipality, for display and for addressing mail. */
public interface AccountDirectory {

	Optional<AccountSummary> find(AccountId id);

	/** The departments of the current municipality, by name. */
	List<Department> departments();

	/** A department (Fachbereich). */
	record Department(DepartmentCode code, String name) {
	}

	/** What other modules may know about an account. */
	record AccountSummary(AccountId id, AccountKind kind, String email, String displayName, TrustLevel trustLevel) {
	}
}
