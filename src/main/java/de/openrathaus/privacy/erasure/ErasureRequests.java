// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.privacy.erasure;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import de.openrathaus.personaldata.Erasure;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The record of carried-out erasures (accountability, Art. 5 (2) GDPR): whose account, by whom, on which
 * channel, when, and what was removed and kept with the reasons, as kinds, counts and case references;
 * never the erased data.
 */
@Repository
class ErasureRequests {

	enum Channel {
		PORTAL, OFFICER
	}

	/** One carried-out erasure, for the officer's list. */
	record CarriedOut(UUID account, UUID by, Channel channel, Instant at, int removed, int kept) {
	}

	private final JdbcClient jdbc;
	private final JsonMapper json;

	ErasureRequests(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void carriedOut(UUID account, UUID by, Channel channel, Instant at, List<Erasure> parts) {
		int removed = parts.stream().flatMap(part -> part.removed().stream()).mapToInt(Erasure.Line::count).sum();
		int kept = parts.stream().flatMap(part -> part.kept().stream()).mapToInt(Erasure.Line::count).sum();
		jdbc.sql("""
				insert into privacy.erasure_request(id, account_id, carried_out_by, channel, carried_out_at, removed, kept, summary)
				values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")
			.params(UUID.randomUUID(), account, by, channel.name(), Timestamp.from(at), removed, kept, json.writeValueAsString(parts))
			.update();
	}

	@Transactional(readOnly = true)
	List<CarriedOut> recent(int limit) {
		return jdbc.sql("select account_id, carried_out_by, channel, carried_out_at, removed, kept from privacy.erasure_request order by carried_out_at desc limit ?")
			.param(limit)
			.query((rs, row) -> new CarriedOut(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), Channel.valueOf(rs.getString(3)),
					rs.getTimestamp(4).toInstant(), rs.getInt(5), rs.getInt(6)))
			.list();
	}
}
