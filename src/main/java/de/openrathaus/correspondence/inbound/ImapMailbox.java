// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.inbound;

import java.time.Duration;
import java.util.Properties;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One round over the unread mails of an IMAP mailbox, with every timeout set and outside any
 * database transaction: each mail is handed to the caller, which keeps it; only a mail the caller
 * kept is then marked read, so a crash in between reads it again. One mail that fails never stops
 * the others. Logs name no sender, subject or address.
 */
record ImapMailbox(String name, String protocol, @Nullable String host, int port, @Nullable String username, @Nullable String password,
		String folder, Duration connectTimeout, Duration readTimeout, int batch) {

	private static final Logger log = LoggerFactory.getLogger(ImapMailbox.class);

	/** Keeps one mail; false when it must stay unread for a later round. */
	interface Keeper {
		boolean keep(Message mail) throws Exception;
	}

	/** Reads one batch; returns how many mails were kept. */
	int readUnread(Keeper keeper) {
		Properties properties = new Properties();
		properties.put("mail." + protocol + ".connectiontimeout", String.valueOf(connectTimeout.toMillis()));
		properties.put("mail." + protocol + ".timeout", String.valueOf(readTimeout.toMillis()));
		properties.put("mail." + protocol + ".writetimeout", String.valueOf(readTimeout.toMillis()));
		int kept = 0;
		try (Store mailbox = Session.getInstance(properties).getStore(protocol)) {
			mailbox.connect(host, port, username, password);
			Folder inbox = mailbox.getFolder(folder);
			inbox.open(Folder.READ_WRITE);
			try {
				Message[] unread = inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
				for (int i = 0; i < unread.length && i < batch; i++) {
					try {
						if (keeper.keep(unread[i])) {
							unread[i].setFlag(Flags.Flag.SEEN, true);
							kept++;
						}
					}
					catch (Exception e) {
						log.warn("{}: mail {} of this round not taken: {}", name, i + 1, e.getClass().getSimpleName());
					}
				}
			}
			finally {
				inbox.close(false);
			}
		}
		catch (MessagingException e) {
			log.warn("{} not read: {}", name, e.getClass().getSimpleName());
		}
		return kept;
	}
}
