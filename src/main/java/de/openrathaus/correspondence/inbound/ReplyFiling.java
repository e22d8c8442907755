// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.inbound;

import de.openrathaus.correspondence.ReplyReceived;
import de.openrathaus.records.IncomingDocuments;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files a reply into its case's e-file once its arrival is committed. Runs without a transaction of
 * its own (the e-file writes its content store first); the event publication registry repeats it
 * after a crash, and the e-file files each reply once.
 */
@Component
class ReplyFiling {

	private final InboundStore store;
	private final IncomingDocuments efile;
	private final TransactionTemplate transactions;

	ReplyFiling(InboundStore store, IncomingDocuments efile, TransactionTemplate transactions) {
		this.store = store;
		this.efile = efile;
		this.transactions = transactions;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(ReplyReceived event) {
		InboundStore.Reply reply = transactions.execute(s -> store.reply(event.reply()))
			.orElseThrow(() -> new IllegalStateException("Reply " + event.reply() + " not filed"));
		efile.fileReply(event.application(), event.reference(), event.reply(), reply.filename(), reply.mediaType(), reply.content());
	}
}
