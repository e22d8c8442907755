// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.privacy.incident;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A recorded personal data breach and where its notification stands. */
public record Incident(UUID id, String title, String description, Instant awareAt, Instant recordedAt, String recordedBy,
		@Nullable Instant notifiedAt, @Nullable String lateReason, @Nullable String notRequiredReason) {

	NotificationDeadline deadline() {
		return new NotificationDeadline(awareAt);
	}

	public Instant due() {
		return deadline().due();
	}

	/** The state now, for the page (the name of {@link NotificationDeadline.State}). */
	public String state(Instant now) {
		return deadline().state(now, notifiedAt, notRequiredReason != null).name();
	}

	public long hoursLeft(Instant now) {
		return deadline().hoursLeft(now);
	}

	/** Open: neither notified nor decided that no notification is needed. */
	boolean open() {
		return notifiedAt == null && notRequiredReason == null;
	}
}
