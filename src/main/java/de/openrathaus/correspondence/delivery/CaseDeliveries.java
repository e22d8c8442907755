// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import de.openrathaus.procedure.ApplicationId;
import de.openrathaus.procedure.CaseCorrespondence;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The messages of a case and how far each got, for the clerk's case view. */
@Component
@org.springframework.core.annotation.Order(1)
class CaseDeliveries implements CaseCorrespondence {

	private final Deliveries deliveries;
	private final MessageSource messages;

	CaseDeliveries(Deliveries deliveries, MessageSource messages) {
		this.deliveries = deliveries;
		this.messages = messages;
	}

	@Override
	public List<Message> of(ApplicationId application) {
		return deliveries.ofApplication(application.value()).stream()
			.map(row -> new Message(messages.getMessage("delivery.channel." + row.channel().name(), null, Locale.GERMAN), row.subject(),
					Status.valueOf(row.status().name()), row.createdAt(), latest(row), row.reason(), row.attempts(), row.fallbackOf() != null, false))
			.toList();
	}

	@Override
	public java.util.Set<ApplicationId> withFailedMessage(java.util.Collection<ApplicationId> applications) {
		if (applications.isEmpty()) {
			return java.util.Set.of();
		}
		java.util.UUID[] ids = applications.stream().map(ApplicationId::value).toArray(java.util.UUID[]::new);
		return new java.util.HashSet<>(deliveries.failedAmong(ids).stream().map(ApplicationId::new).toList());
	}

	private static Instant latest(Deliveries.Row row) {
		return switch (row.status()) {
			case QUEUED -> row.createdAt();
			case SENT -> row.sentAt();
			case DELIVERED -> row.deliveredAt();
			case OPENED -> row.openedAt();
			case FAILED -> row.failedAt();
		};
	}
}
