// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.privacy.access;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import de.openrathaus.personaldata.PersonalDataUse;

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
	private final PersonalDataUse use;

	AccessRequests(JdbcClient jdbc, PersonalDataUse use) {
		this.jdbc = jdbc;
		this.use = use;
	}

	/** Records the answer, here and in the audit trail ({@code actor} as the trail names who acted). */
	@Transactional
	void answered(UUID account, UUID producedBy, String actor, Channel channel, Instant at, String origin) {
		jdbc.sql("insert into privacy.access_request(id, account_id, produced_by, channel, produced_at) values (?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), account, producedBy, channel.name(), Timestamp.from(at)).update();
		use.exported(actor, "personal data of account " + account + " (access request, " + channel.name().toLowerCase(java.util.Locale.ROOT) + ")",
				origin);
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
