// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.application;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Metadata of an uploaded file (the content is read separately). */
public record StoredAttachment(UUID id, @Nullable UUID exchangeId, String fieldKey, String filename, String mediaType,
		long size, String sha256, Instant uploadedAt) {

	/** The size as people read it, e.g. {@code 240 KB} or {@code 3 MB}. */
	public String displaySize() {
		return FormView.size(size);
	}
}
