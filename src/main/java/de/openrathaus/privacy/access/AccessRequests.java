// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.privacy.access;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The record of answered access requests: whose, by whom, on which channel, when; never the answer's content. */
@Repository
class AccessRequests {

	enum Channel {
		PORTAL, OFFICER
	}

	/** One answered request, for the officer's list. */
	record Answered(UUID account, UUID producedBy, Channel channel, Instant producedAt) {
	}

	private final JdbcClient jdbc;

	AccessRequests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	void answered(UUID account, UUID producedBy, Channel channel, Instant at) {
		jdbc.sql("insert into privacy.access_request(id, account_id, produced_by, channel, produced_at) values (?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), account, producedBy, channel.name(), Timestamp.from(at)).update();
	}

	@Transactional(readOnly = true)
	List<Answered> recent(int limit) {
		return jdbc.sql("select account_id, produced_by, channel, produced_at from privacy.access_request order by produced_at desc limit ?")
			.param(limit)
			.query((rs, row) -> new Answered(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), Channel.valueOf(rs.getString(3)),
					rs.getTimestamp(4).toInstant()))
			.list();
	}
}
