// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.securemail;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A key a citizen stored for encrypted mail.
 *
 * @param material  the DER certificate (S/MIME) or the binary public key ring (OpenPGP)
 * @param expiresAt null for an OpenPGP key without expiry
 */
public record MailKey(Kind kind, String fingerprint, @Nullable Instant expiresAt, byte[] material) {

	public enum Kind {
		SMIME, OPENPGP
	}

	public boolean validAt(Instant at) {
		return expiresAt == null || expiresAt.isAfter(at);
	}
}
