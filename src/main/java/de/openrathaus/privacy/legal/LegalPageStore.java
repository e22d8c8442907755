// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.privacy.legal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The legal pages, contacts and feedback of the municipality bound to the connection (row-level security). */
@Component
class LegalPageStore {

	record StoredContacts(String feedbackAddress, String dpoContact) {
	}

	record StoredFeedback(UUID id, String message, @Nullable String page, @Nullable String contact, Instant receivedAt) {
	}

	private final JdbcClient jdbc;

	LegalPageStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<String> body(LegalPageKind kind) {
		return jdbc.sql("select body from privacy.legal_page where kind = ?").param(kind.name()).query(String.class).optional();
	}

	void save(LegalPageKind kind, String body, Instant at) {
		jdbc.sql("insert into privacy.legal_page(kind, body, updated_at) values (?, ?, ?) "
				+ "on conflict (tenant_id, kind) do update set body = excluded.body, updated_at = excluded.updated_at")
			.params(kind.name(), body, java.sql.Timestamp.from(at)).update();
	}

	void reset(LegalPageKind kind) {
		jdbc.sql("delete from privacy.legal_page where kind = ?").param(kind.name()).update();
	}

	Optional<StoredContacts> contacts() {
		return jdbc.sql("select feedback_address, dpo_contact from privacy.legal_contact")
			.query((rs, row) -> new StoredContacts(rs.getString(1), rs.getString(2))).optional();
	}

	void saveContacts(StoredContacts contacts, Instant at) {
		jdbc.sql("insert into privacy.legal_contact(feedback_address, dpo_contact, updated_at) values (?, ?, ?) "
				+ "on conflict (tenant_id) do update set feedback_address = excluded.feedback_address, "
				+ "dpo_contact = excluded.dpo_contact, updated_at = excluded.updated_at")
			.params(contacts.feedbackAddress(), contacts.dpoContact(), java.sql.Timestamp.from(at)).update();
	}

	void addFeedback(StoredFeedback feedback) {
		jdbc.sql("insert into privacy.accessibility_feedback(id, message, page, contact, received_at) values (?, ?, ?, ?, ?)")
			.params(feedback.id(), feedback.message(), feedback.page(), feedback.contact(), java.sql.Timestamp.from(feedback.receivedAt()))
			.update();
	}

	List<StoredFeedback> latestFeedback(int limit) {
		return jdbc.sql("select id, message, page, contact, received_at from privacy.accessibility_feedback order by received_at desc limit ?")
			.param(limit)
			.query((rs, row) -> new StoredFeedback(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5).toInstant()))
			.list();
	}
}
