// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.inbound;

import java.util.List;
import java.util.Locale;

import de.openrathaus.procedure.ApplicationId;
import de.openrathaus.procedure.CaseCorrespondence;

import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The citizen's replies by mail in the clerk's case view, after the messages sent to them. */
@Component
@Order(2)
class CaseReplies implements CaseCorrespondence {

	private final InboundStore store;
	private final MessageSource messages;

	CaseReplies(InboundStore store, MessageSource messages) {
		this.store = store;
		this.messages = messages;
	}

	@Override
	public List<Message> of(ApplicationId application) {
		String mail = messages.getMessage("delivery.channel.INBOUND", null, Locale.GERMAN);
		String deMail = messages.getMessage("delivery.channel.INBOUND_DE_MAIL", null, Locale.GERMAN);
		return store.filed(application.value()).stream()
			.map(e -> new Message(e.channel() == InboundStore.Channel.DE_MAIL ? deMail : mail, e.subject() == null ? "–" : e.subject(),
					Status.DELIVERED, e.receivedAt(), e.receivedAt(), e.attestation(), 1, false, true))
			.toList();
	}
}
