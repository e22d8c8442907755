// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.delivery;

import java.util.Objects;
import java.util.UUID;

import de.openrathaus.account.AccountId;
import de.openrathaus.tenancy.TenantId;

import org.jspecify.annotations.Nullable;

/**
 * One message as a channel hands it over.
 *
 * @param id          the outbox row's id: stable across attempts, the message id / idempotency key the
 *                    receiving side deduplicates by (ADR 29); never mint a fresh one per attempt
 * @param tenant      the municipality sending it
 * @param recipient   the citizen's account
 * @param application the application the message answers, if any
 * @param reference   the application's reference shown to the citizen, if any
 * @param subject     a subject line (no personal data beyond the reference)
 * @param body        plain text for the citizen
 * @param document    the document (a sealed decision PDF/A) if the message carries one
 * @param origin      scheme, host and port for portal links in demo mode, else null
 */
public record OutgoingMessage(UUID id, TenantId tenant, AccountId recipient, @Nullable UUID application,
		@Nullable String reference, String subject, String body, @Nullable Attachment document, @Nullable String origin) {

	public OutgoingMessage {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(tenant, "tenant");
		Objects.requireNonNull(recipient, "recipient");
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(body, "body");
	}

	/** A document carried by a message. */
	public record Attachment(String filename, String mediaType, byte[] content) {
	}
}
