// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.seal.verification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import de.openrathaus.files.PdfInspection;
import de.openrathaus.files.Sha256;
import de.openrathaus.seal.signing.SealCheck;
import de.openrathaus.seal.signing.SealCheck.Finding;
import de.openrathaus.tenancy.Tenants;
import de.openrathaus.web.Refusal;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The public check. A document is genuine when its exact bytes are a registered decision of this
 * municipality and DSS finds its seal valid and chained to the municipality's seal CA; a document
 * with such a seal that is not registered byte for byte was altered; anything else is not ours. A
 * reference with its code finds the registered decision. The answer names no person.
 */
@Service
class Verification {

	private static final Duration INSPECTION_TIME = Duration.ofSeconds(5);

	private final SealRegister register;
	private final SealCheck seals;
	private final Tenants tenants;
	private final Clock clock;

	Verification(SealRegister register, SealCheck seals, Tenants tenants, Clock clock) {
		this.register = register;
		this.seals = seals;
		this.tenants = tenants;
		this.clock = clock;
	}

	/** The outcome of a check. */
	enum Outcome {
		/** An unaltered decision of this municipality, in force. */
		GENUINE,
		/** An unaltered decision of this municipality, revoked since. */
		REVOKED,
		/** Carries this municipality's seal but was changed after sealing. */
		ALTERED,
		/** No decision of this municipality. */
		NOT_OURS,
		/** No decision with this reference and code. */
		UNKNOWN
	}

	/** A check's answer: for a registered decision its reference, department, issue and revocation; nothing more. */
	record Result(Outcome outcome, String municipality, @Nullable String reference, @Nullable String department,
			@Nullable Instant issuedAt, @Nullable Instant revokedAt, @Nullable String revocationReason) {

		static Result of(Outcome outcome, String municipality) {
			return new Result(outcome, municipality, null, null, null, null, null);
		}
	}

	Result checkDocument(byte[] pdf) {
		String municipality = tenants.current().name();
		try {
			PdfInspection.checkSize(pdf, PdfInspection.Limits.DEFAULT, clock.instant().plus(INSPECTION_TIME));
		}
		catch (PdfInspection.Refused e) {
			throw Refusal.of("seal.check.unreadable").withStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		}
		Finding finding = seals.check(tenants.current(), pdf);
		Optional<SealRegister.Entry> registered = register.byDocument(Sha256.hex(pdf));
		if (registered.isPresent() && finding == Finding.INTACT) {
			return registered(registered.get(), municipality);
		}
		if (registered.isPresent() || finding != Finding.FOREIGN) {
			return Result.of(Outcome.ALTERED, municipality);
		}
		return Result.of(Outcome.NOT_OURS, municipality);
	}

	Result checkCode(String reference, String typedCode) {
		String municipality = tenants.current().name();
		String code = Codes.normalize(typedCode);
		String ref = reference.strip();
		if (code.isEmpty() || ref.isEmpty() || ref.length() > 64) {
			return Result.of(Outcome.UNKNOWN, municipality);
		}
		return register.byReference(ref)
			.filter(entry -> Codes.matches(code, entry.codeSha256()))
			.map(entry -> registered(entry, municipality))
			.orElse(Result.of(Outcome.UNKNOWN, municipality));
	}

	private static Result registered(SealRegister.Entry entry, String municipality) {
		return new Result(entry.revokedAt() == null ? Outcome.GENUINE : Outcome.REVOKED, municipality, entry.reference(),
				entry.department(), entry.issuedAt(), entry.revokedAt(), entry.revocationReason());
	}
}
