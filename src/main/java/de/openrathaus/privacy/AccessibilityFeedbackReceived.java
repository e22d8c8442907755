// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.privacy;

import java.time.Instant;
import java.util.UUID;

import de.openrathaus.tenancy.TenantId;
import de.openrathaus.tenancy.TenantScoped;

import org.jspecify.annotations.Nullable;

/**
 * Someone reported a barrier through the accessibility statement's form: correspondence mails it to
 * the office the municipality named. The text is the reporter's own and is never logged.
 *
 * @param office  the address of the responsible office
 * @param page    the page the reporter named, if any
 * @param contact how the reporter wants an answer, if at all
 */
public record AccessibilityFeedbackReceived(TenantId tenant, UUID feedback, String office, String message, @Nullable String page,
		@Nullable String contact, Instant receivedAt) implements TenantScoped {

	@Override
	public String toString() {
		return "AccessibilityFeedbackReceived[" + feedback + "]";
	}
}
