// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.seal.verification;

import java.time.Instant;

import de.openrathaus.seal.keys.SealSettings;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public check as an API, no sign-in: {@code POST /api/v1/verification} with a PDF (multipart
 * field {@code document}) or with JSON {@code {"reference": ..., "code": ...}}. Rate-limited per
 * client like the page.
 */
@RestController
class VerificationApi {

	static final String PATH = "/api/v1/verification";

	private final Verification verification;
	private final CheckThrottle throttle;
	private final SealSettings settings;

	VerificationApi(Verification verification, CheckThrottle throttle, SealSettings settings) {
		this.verification = verification;
		this.throttle = throttle;
		this.settings = settings;
	}

	/** The answer: the outcome and, for a registered decision, what the document itself says. */
	record Answer(String outcome, String municipality, @Nullable String reference, @Nullable String department,
			@Nullable Instant issuedAt, @Nullable Instant revokedAt, @Nullable String revocationReason) {

		static Answer of(Verification.Result result) {
			return new Answer(result.outcome().name(), result.municipality(), result.reference(), result.department(), result.issuedAt(),
					result.revokedAt(), result.revocationReason());
		}
	}

	record CodeQuery(@Nullable String reference, @Nullable String code) {
	}

	@PostMapping(path = PATH, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	Answer document(@RequestParam(name = "document", required = false) @Nullable MultipartFile document, HttpServletRequest request) {
		throttle.acquire(request.getRemoteAddr());
		return Answer.of(verification.checkDocument(VerificationController.content(document, settings)));
	}

	@PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
	Answer code(@RequestBody CodeQuery query, HttpServletRequest request) {
		throttle.acquire(request.getRemoteAddr());
		return Answer.of(verification.checkCode(query.reference() == null ? "" : query.reference(), query.code() == null ? "" : query.code()));
	}
}
