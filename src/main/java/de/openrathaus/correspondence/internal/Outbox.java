// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.internal;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Queues a mail in the caller's transaction; the sender delivers it after commit. */
@Component
class Outbox {

	private final JdbcClient jdbc;

	Outbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	UUID enqueue(String recipient, String subject, String body) {
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into correspondence.outgoing_mail(id, recipient, subject, body) values (?, ?, ?, ?)")
			.params(id, recipient, subject, body).update();
		return id;
	}
}
