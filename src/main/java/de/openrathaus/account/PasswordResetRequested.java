// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account;

import java.time.Instant;

import de.openrathaus.tenancy.TenantId;
import de.openrathaus.tenancy.TenantScoped;

/**
 * The owner of an account asked to set a new password: correspondence mails the link.
 *
 * @param resetLink absolute link on the municipality's host; holds a single-use token valid until {@code expiresAt}
 */
public record PasswordResetRequested(TenantId tenant, AccountId account, String email, String resetLink, Instant expiresAt)
		implements TenantScoped {

	@Override
	public String toString() {
		return "PasswordResetRequested[" + account + "]";
	}
}
