// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.letter;

import java.time.Clock;
import java.util.Optional;

import de.openrathaus.account.AccountId;
import de.openrathaus.correspondence.delivery.ChannelKind;
import de.openrathaus.correspondence.delivery.DeliveryChannel;
import de.openrathaus.correspondence.delivery.Handover;
import de.openrathaus.correspondence.delivery.OutgoingMessage;
import de.openrathaus.tenancy.Tenants;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The post: a message becomes a print-ready letter kept for the next print batch. The outbox
 * stops trying once the letter is kept; it counts as sent when the post room takes its batch.
 * Rendering happens outside any transaction; keeping the letter is idempotent by message id, so a
 * repeated hand-over after a crash prints nothing twice.
 */
@Component
class LetterChannel implements DeliveryChannel {

	private final PostalAddresses addresses;
	private final Letters letters;
	private final LetterRendering rendering;
	private final Tenants tenants;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final MessageSource messages;

	LetterChannel(PostalAddresses addresses, Letters letters, LetterRendering rendering, Tenants tenants, TransactionTemplate transactions,
			Clock clock, MessageSource messages) {
		this.addresses = addresses;
		this.letters = letters;
		this.rendering = rendering;
		this.tenants = tenants;
		this.transactions = transactions;
		this.clock = clock;
		this.messages = messages;
	}

	@Override
	public ChannelKind kind() {
		return ChannelKind.LETTER;
	}

	@Override
	public boolean reaches(AccountId account) {
		return addresses.of(account).isPresent();
	}

	@Override
	public Handover deliver(OutgoingMessage message) {
		Optional<PostalAddress> address = transactions.execute(s -> addresses.of(message.recipient()));
		if (address == null || address.isEmpty()) {
			return new Handover.Refused(messages.getMessage("letter.reason.noAddress", null, java.util.Locale.GERMAN));
		}
		if (Boolean.TRUE.equals(transactions.execute(s -> letters.exists(message.id())))) {
			return new Handover.Accepted();
		}
		LetterRendering.Rendered letter = rendering.letter(tenants.current().name(), address.get(), message.reference(), message.subject(),
				message.body(), clock.instant(), message.document() == null ? null : message.document().content());
		transactions.executeWithoutResult(s -> letters.keep(message.id(), message.reference(), address.get().name(), letter.pages(), letter.pdf()));
		return new Handover.Accepted();
	}
}
