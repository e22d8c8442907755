// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account;

import java.util.Optional;

/** Look-up of accounts of the current municipality, for display and for addressing mail. */
public interface AccountDirectory {

	Optional<AccountSummary> find(AccountId id);

	/** What other modules may know about an account. */
	record AccountSummary(AccountId id, AccountKind kind, String email, String displayName, TrustLevel trustLevel) {
	}
}
