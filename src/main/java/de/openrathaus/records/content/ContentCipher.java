// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.content;

import java.util.Optional;

import de.openrathaus.files.Envelope;
import de.openrathaus.files.Sha256;
import de.openrathaus.tenancy.TenantId;

/**
 * How the content stores encrypt: each content sealed by {@link Envelope} (a data key per content,
 * wrapped with the municipality's key) under the context of its SHA-256, so a stored object opens only
 * under its own name and municipality. A content stored before encryption is read as it is (its hash is
 * checked as always) and sealed by the rotation job.
 */
public final class ContentCipher {

	private final Envelope envelope;

	public ContentCipher(Envelope envelope) {
		this.envelope = envelope;
	}

	byte[] seal(TenantId tenant, String sha256, byte[] content) {
		return envelope.seal(tenant, context(sha256), content);
	}

	/** The content; fails if the stored object was changed, damaged or is not this content's. */
	byte[] open(TenantId tenant, String sha256, byte[] stored) {
		try {
			return envelope.open(tenant, context(sha256), stored);
		}
		catch (Envelope.Damaged e) {
			if (Sha256.hex(stored).equals(sha256)) {
				return stored; // a content from before encryption that happens to begin like a header
			}
			throw new IllegalStateException("Content " + sha256 + " does not match its hash: it was changed or damaged", e);
		}
	}

	Optional<byte[]> rewrap(TenantId tenant, String sha256, byte[] stored) {
		if (!Envelope.sealed(stored) && !Sha256.hex(stored).equals(sha256)) {
			throw new IllegalStateException("Content " + sha256 + " does not match its hash: it was changed or damaged");
		}
		return envelope.rewrap(tenant, context(sha256), stored);
	}

	/** The key version a stored object was sealed with; 0 for a content from before encryption. */
	static int version(byte[] stored) {
		return Envelope.version(stored);
	}

	private static String context(String sha256) {
		return "e-file content " + sha256;
	}
}
