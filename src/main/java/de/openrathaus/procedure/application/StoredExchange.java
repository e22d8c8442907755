// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.application;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A clerk's request for information and the applicant's answer (null while open). */
public record StoredExchange(UUID id, String question, Instant requestedAt, @Nullable String answer,
		@Nullable Instant answeredAt) {

	public boolean isOpen() {
		return answeredAt == null;
	}
}
