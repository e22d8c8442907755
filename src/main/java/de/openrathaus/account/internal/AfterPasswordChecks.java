// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsChecker;

/**
 * The account's state is examined only after the password proved right: whoever knows the password
 * may learn that the address still needs confirming; anyone else sees the same answer for every
 * address (registered, unconfirmed or unknown).
 */
final class AfterPasswordChecks implements UserDetailsChecker {

	/** The right password for an account whose address is not confirmed yet. */
	static final class AddressNotConfirmed extends AccountStatusException {

		AddressNotConfirmed() {
			super("address not confirmed");
		}
	}

	@Override
	public void check(UserDetails user) {
		if (user instanceof AccountUserDetails account && !account.isVerified()) {
			throw new AddressNotConfirmed();
		}
		if (!user.isEnabled()) {
			throw new DisabledException("account disabled");
		}
	}
}
