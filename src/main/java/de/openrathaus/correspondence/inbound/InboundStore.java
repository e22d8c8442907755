// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.inbound;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;


import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Every mail read from the city's mailbox, filed or in triage, by municipality. */
@Component
class InboundStore {

	private final JdbcClient jdbc;

	InboundStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** FILED: a reply in its case; RECEIPT: a De-Mail confirmation kept with its case as evidence, not a reply. */
	enum Status {
		FILED, TRIAGE, DISCARDED, RECEIPT
	}

	/** The channel a mail came on: plain e-mail, or De-Mail whose provider attestation held. */
	enum Channel {
		EMAIL, DE_MAIL
	}

	/** Keeps a mail once per key; empty when it was kept before (read again after a crash). */
	Optional<UUID> keep(String key, ReplyAddresses.@Nullable Case target, Status status, @Nullable String reason, @Nullable String sender,
			@Nullable String subject, int size, byte[] raw) {
		return keep(key, target, status, reason, sender, subject, size, raw, Channel.EMAIL, null);
	}

	/** As above, with the channel and, for De-Mail, what the provider's attestation said. */
	Optional<UUID> keep(String key, ReplyAddresses.@Nullable Case target, Status status, @Nullable String reason, @Nullable String sender,
			@Nullable String subject, int size, byte[] raw, Channel channel, @Nullable String attestation) {
		return jdbc.sql("""
				insert into correspondence.inbound_message(id, message_key, application_id, reference, status, reason, sender, subject, size, raw,
				    channel, attestation)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (tenant_id, message_key) do nothing returning id""")
			.params(UUID.randomUUID(), key, target == null ? null : target.application(), target == null ? null : target.reference(),
					status.name(), reason, sender, subject, size, raw, channel.name(), attestation)
			.query(UUID.class).optional();
	}

	record Entry(UUID id, @Nullable String sender, @Nullable String subject, Instant receivedAt, @Nullable String reason, int size,
			@Nullable String reference, Channel channel, @Nullable String attestation) {
	}

	private static final String ENTRY_COLUMNS = "id, sender, subject, received_at, reason, size, reference, channel, attestation";

	List<Entry> triage() {
		return jdbc.sql("select " + ENTRY_COLUMNS + " from correspondence.inbound_message "
				+ "where status = 'TRIAGE' order by received_at").query(InboundStore::entry).list();
	}

	List<Entry> filed(UUID application) {
		return jdbc.sql("select " + ENTRY_COLUMNS + " from correspondence.inbound_message "
				+ "where application_id = ? and status = 'FILED' order by received_at").param(application).query(InboundStore::entry).list();
	}

	/** Files a triage entry into a case; false when it is no longer in triage. */
	boolean assign(UUID id, ReplyAddresses.Case target, UUID by, Instant at) {
		return jdbc.sql("""
				update correspondence.inbound_message set status = 'FILED', application_id = ?, reference = ?, decided_by = ?, decided_at = ?
				 where id = ? and status = 'TRIAGE' and octet_length(raw) = size""")
			.params(target.application(), target.reference(), by, Timestamp.from(at), id).update() > 0;
	}

	boolean discard(UUID id, String note, UUID by, Instant at) {
		return jdbc.sql("""
				update correspondence.inbound_message set status = 'DISCARDED', decision_note = ?, decided_by = ?, decided_at = ?
				 where id = ? and status = 'TRIAGE'""")
			.params(note, by, Timestamp.from(at), id).update() > 0;
	}

	Optional<byte[]> raw(UUID id) {
		return jdbc.sql("select raw from correspondence.inbound_message where id = ?").param(id).query(byte[].class).optional();
	}

	/** A filed reply as the mail it arrived as. */
	record Reply(String filename, String mediaType, byte[] content, String subject) {
	}

	Optional<Reply> reply(UUID id) {
		return jdbc.sql("select raw, subject, received_at from correspondence.inbound_message where id = ? and status = 'FILED'").param(id)
			.query((rs, row) -> new Reply("antwort-" + rs.getTimestamp(3).toInstant().toString().substring(0, 10) + ".eml", "message/rfc822",
					rs.getBytes(1), rs.getString(2) == null ? "" : rs.getString(2)))
			.optional();
	}

	private static Entry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Entry(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5),
				rs.getInt(6), rs.getString(7), Channel.valueOf(rs.getString(8)), rs.getString(9));
	}
}
