// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.letter;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Letters waiting for a print batch, and the batches. */
@Component
class Letters {

	private final JdbcClient jdbc;

	Letters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Keeps a rendered letter for the next batch; the same message twice stays one letter. */
	void keep(UUID message, @Nullable String reference, String recipient, int pages, byte[] pdf) {
		jdbc.sql("insert into correspondence.letter(id, reference, recipient, pages, content) values (?, ?, ?, ?, ?) on conflict (id) do nothing")
			.params(message, reference, recipient, pages, pdf).update();
	}

	boolean exists(UUID message) {
		return jdbc.sql("select count(*) from correspondence.letter where id = ?").param(message).query(Integer.class).single() > 0;
	}

	record Waiting(UUID id, @Nullable String reference, String recipient, int pages, byte[] pdf) {
	}

	/** The letters no batch holds yet, oldest first, locked against a second batch made at the same time. */
	List<Waiting> waitingForBatch(int limit) {
		return jdbc.sql("select id, reference, recipient, pages, content from correspondence.letter where batch_id is null "
				+ "order by created_at, id limit ? for update skip locked")
			.param(limit)
			.query((rs, row) -> new Waiting(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getBytes(5)))
			.list();
	}

	record Counts(int letters, int pages) {
	}

	Counts waiting() {
		return jdbc.sql("select count(*), coalesce(sum(pages), 0) from correspondence.letter where batch_id is null")
			.query((rs, row) -> new Counts(rs.getInt(1), rs.getInt(2))).single();
	}

	void batch(UUID batch, String number, int letters, int pages, byte[] pdf, List<UUID> members) {
		jdbc.sql("insert into correspondence.print_batch(id, number, letters, pages, content) values (?, ?, ?, ?, ?)")
			.params(batch, number, letters, pages, pdf).update();
		for (UUID letter : members) {
			jdbc.sql("update correspondence.letter set batch_id = ? where id = ? and batch_id is null").params(batch, letter).update();
		}
	}

	long batchesOn(String prefix) {
		return jdbc.sql("select count(*) from correspondence.print_batch where number like ?").param(prefix + "%").query(Long.class).single();
	}

	record Batch(UUID id, String number, Instant createdAt, int letters, int pages, @Nullable Instant downloadedAt) {
	}

	List<Batch> batches(int limit) {
		return jdbc.sql("select id, number, created_at, letters, pages, downloaded_at from correspondence.print_batch order by created_at desc limit ?")
			.param(limit)
			.query((rs, row) -> new Batch(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getInt(4),
					rs.getInt(5), rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
			.list();
	}

	Optional<byte[]> content(UUID batch) {
		return jdbc.sql("select content from correspondence.print_batch where id = ?").param(batch).query(byte[].class).optional();
	}

	/** Records the first download; true only for the first, whose caller marks the letters sent. */
	boolean downloaded(UUID batch, UUID by, Instant at) {
		return jdbc.sql("update correspondence.print_batch set downloaded_at = ?, downloaded_by = ? where id = ? and downloaded_at is null")
			.params(Timestamp.from(at), by, batch).update() > 0;
	}

	List<UUID> lettersOf(UUID batch) {
		return jdbc.sql("select id from correspondence.letter where batch_id = ?").param(batch).query(UUID.class).list();
	}
}
