// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account;

import java.time.Instant;

import de.openrathaus.tenancy.TenantId;
import de.openrathaus.tenancy.TenantScoped;

/**
 * A new service account must confirm its e-mail address: correspondence mails the link. The event
 * carries no display name: the mail goes to an address nobody has confirmed yet, so it must not
 * contain any text the requester chose.
 *
 * @param verificationLink absolute link on the municipality's host; holds a single-use token
 */
public record VerificationRequested(TenantId tenant, AccountId account, String email, String verificationLink, Instant expiresAt) implements TenantScoped {

	@Override
	public String toString() {
		return "VerificationRequested[" + account + "]";
	}
}
