// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import de.openrathaus.account.AccountId;
import de.openrathaus.correspondence.delivery.MailboxOpenings;
import de.openrathaus.personaldata.PersonalDataUse;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The citizens' portal mailbox. Every read is filtered by the owner's account. */
@Component
class Mailbox {

	private final JdbcClient jdbc;
	private final MailboxOpenings openings;
	private final PersonalDataUse use;

	Mailbox(JdbcClient jdbc, MailboxOpenings openings, PersonalDataUse use) {
		this.use = use;
		this.jdbc = jdbc;
		this.openings = openings;
	}

	record Message(UUID id, @Nullable String reference, String subject, String body, @Nullable String documentName,
			Instant madeAvailableAt, @Nullable Instant firstOpenedAt, @Nullable Instant answeredAt) {

		public boolean unread() {
			return firstOpenedAt == null && answeredAt == null;
		}

		/** A question the citizen has answered, wherever they answered it. */
		public boolean answered() {
			return answeredAt != null;
		}

		/** The text in lines, links marked for rendering as anchors. */
		public List<List<LinkedText.Part>> lines() {
			return LinkedText.lines(body);
		}
	}

	record Document(String name, String mediaType, byte[] content) {
	}

	/** A message just made available. */
	record Made(UUID id, Instant at) {
	}

	/**
	 * Puts a message into the mailbox once; a repeated delivery of the same event adds nothing and
	 * answers empty, so the caller does nothing twice either.
	 */
	Optional<Made> deliver(AccountId account, @Nullable UUID application, @Nullable String reference, String subject, String body,
			@Nullable Document document, boolean question) {
		return jdbc.sql("insert into correspondence.mailbox_message(id, account_id, application_id, reference, subject, body, "
				+ "document_name, document_type, document, question) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
				+ "on conflict (tenant_id, account_id, application_id, subject) do nothing returning id, made_available_at")
			.params(UUID.randomUUID(), account.value(), application, reference, subject, body,
					document == null ? null : document.name(), document == null ? null : document.mediaType(),
					document == null ? null : document.content(), question)
			.query((rs, row) -> new Made(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant()))
			.optional();
	}

	/** Marks the open questions about the application as answered. */
	void answered(UUID application, Instant at) {
		jdbc.sql("update correspondence.mailbox_message set answered_at = ? where application_id = ? and question and answered_at is null")
			.params(java.sql.Timestamp.from(at), application).update();
	}

	List<Message> of(AccountId account) {
		return jdbc.sql("select id, reference, subject, body, document_name, made_available_at, first_opened_at, answered_at "
				+ "from correspondence.mailbox_message where account_id = ? order by made_available_at desc")
			.param(account.value()).query(Mailbox::message).list();
	}

	/** Opens a message of this account; the first opening is recorded as the time of access, every opening in the audit trail. */
	@Transactional
	Optional<Message> open(AccountId account, UUID id) {
		jdbc.sql("update correspondence.mailbox_message set first_opened_at = now() where id = ? and account_id = ? and first_opened_at is null "
				+ "returning first_opened_at")
			.params(id, account.value()).query((rs, row) -> rs.getTimestamp(1).toInstant()).optional()
			.ifPresent(at -> openings.mailboxMessageOpened(id, at));
		Optional<Message> message = jdbc.sql("select id, reference, subject, body, document_name, made_available_at, first_opened_at, answered_at "
				+ "from correspondence.mailbox_message where id = ? and account_id = ?")
			.params(id, account.value()).query(Mailbox::message).optional();
		message.ifPresent(found -> use.read(PersonalDataUse.citizen(account.value()), "mailbox message " + id, "portal"));
		return message;
	}

	Optional<Document> document(AccountId account, UUID id) {
		return jdbc.sql("select document_name, document_type, document from correspondence.mailbox_message "
				+ "where id = ? and account_id = ? and document is not null")
			.params(id, account.value())
			.query((rs, row) -> new Document(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
	}

	private static Message message(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Message(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getTimestamp(6).toInstant(), rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(),
				rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant());
	}
}
