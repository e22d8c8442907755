// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.seal;

import java.time.Instant;

import de.openrathaus.account.AccountId;

/**
 * Seals decision documents of the current municipality and keeps the register the public check
 * compares uploads with. Issuing a decision takes three steps: {@link #mark} before rendering (the
 * code and QR code go on the document), {@link #seal} after rendering and outside any database
 * transaction, and {@link #register} inside the transaction that stores the decision.
 */
public interface DecisionSeal {

	/** A new verification code for the decision with this reference, and where and how to print it. */
	VerificationMark mark(String reference);

	/**
	 * The PDF/A document with the municipality's seal (PAdES). May call a timestamp authority, so it
	 * refuses to run inside a database transaction.
	 */
	byte[] seal(byte[] pdf, String reference);

	/** Records an issued, sealed decision for the public check (inside the transaction that stores it). */
	void register(SealedDecision decision);

	/** Marks the decision with this reference as revoked; the public check shows it from now on. */
	void revoke(String reference, String reason, AccountId by, Instant at);

	/** The revocation of the decision with this reference, if it was revoked. */
	java.util.Optional<Revocation> revocationOf(String reference);

	/** A verification code with the address of the check, also as a QR code (a PNG data: URI for the template). */
	record VerificationMark(String code, String url, String qrCode) {

		@Override
		public String toString() {
			return "VerificationMark[url=" + url + "]";
		}
	}

	/** What the public check knows of an issued decision: no personal data. */
	record SealedDecision(String reference, String code, String documentSha256, String department, Instant issuedAt) {

		@Override
		public String toString() {
			return "SealedDecision[" + reference + "]";
		}
	}

	/** A revocation: when and why. */
	record Revocation(Instant at, String reason) {
	}
}
