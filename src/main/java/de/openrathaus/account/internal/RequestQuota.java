// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts mail-sending requests per client address and mails per e-mail address in fixed one-hour
 * windows, in the database so that all nodes share the count. A request over a limit is answered like
 * any other by the caller (the same neutral page), it just sends nothing.
 */
@Component
class RequestQuota {

	static final Duration WINDOW = Duration.ofHours(1);

	private final JdbcClient jdbc;
	private final AccountSettings settings;
	private final Clock clock;

	RequestQuota(JdbcClient jdbc, AccountSettings settings, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.settings = settings;
	}

	/** Counts a request from this client address; false when it has made too many this hour. */
	boolean clientMay(String client) {
		return take("client:" + client, settings.requestsPerClientPerHour());
	}

	/** Counts a mail to this address; false when it has received too many this hour. */
	boolean addressMayReceive(String email) {
		return take("address:" + SignInThrottle.accountKey(email), settings.mailsPerAddressPerHour());
	}

	private boolean take(String subject, int limit) {
		Instant now = clock.instant();
		int used = jdbc.sql("""
				insert into account.request_quota(subject, window_start, used) values (?, ?, 1)
				on conflict (tenant_id, subject) do update set
				    used = case when request_quota.window_start <= ? then 1 else request_quota.used + 1 end,
				    window_start = case when request_quota.window_start <= ? then excluded.window_start else request_quota.window_start end
				returning used""")
			.params(subject, Timestamp.from(now), Timestamp.from(now.minus(WINDOW)), Timestamp.from(now.minus(WINDOW)))
			.query(Integer.class).single();
		return used <= limit;
	}
}
