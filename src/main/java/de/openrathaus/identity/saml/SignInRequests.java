// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.identity.saml;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import de.openrathaus.account.AccountId;
import de.openrathaus.account.TrustLevel;
import de.openrathaus.tenancy.Tenant;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.Tenants;

import org.springframework.jdbc.core.simple.JdbcClient;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Started sign-ins and used assertion ids in the database (schema {@code identity}), so that any node
 * can take the response, each request is answered once, and no assertion counts twice.
 */
@Component
class SignInRequests {

	private final JdbcClient jdbc;
	private final Tenants tenants;
	private final Clock clock;

	SignInRequests(JdbcClient jdbc, Tenants tenants, Clock clock) {
		this.jdbc = jdbc;
		this.tenants = tenants;
		this.clock = clock;
	}

	/**
	 * Stores a started sign-in, unless this client already has {@code perClient} sign-ins pending (started, not
	 * answered, not expired) or the municipality {@code perMunicipality}: then nothing is stored and the refusal
	 * says so. Per client the check and the insert are serialised by a transaction-scoped advisory lock on the
	 * client, so concurrent starts on several nodes cannot together exceed the limit; the municipality's limit
	 * is a ceiling against floods from many addresses and may be passed by the few starts running at that moment.
	 */
	@Transactional(rollbackFor = SamlRefusal.class)
	public void save(PendingSignIn pending, String client, int perClient, int perMunicipality) throws SamlRefusal {
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("""
				select count(*) from (select pg_advisory_xact_lock(hashtextextended('identity.authn_request ' || tenancy.current_tenant()
				|| ' ' || ?, 0))) locked""").param(client).query(Integer.class).single();
		int mine = jdbc.sql("select count(*) from identity.authn_request where client = ? and used_at is null and expires_at > ?")
			.params(client, now).query(Integer.class).single();
		if (mine >= perClient) {
			throw new SamlRefusal(SamlRefusal.Reason.TOO_MANY_STARTED, "client has " + mine + " sign-ins pending");
		}
		int all = jdbc.sql("select count(*) from identity.authn_request where used_at is null and expires_at > ?").param(now)
			.query(Integer.class).single();
		if (all >= perMunicipality) {
			throw new SamlRefusal(SamlRefusal.Reason.TOO_MANY_STARTED, "municipality has " + all + " sign-ins pending");
		}
		jdbc.sql("""
				insert into identity.authn_request (id, registration, requested_level, target, requested_by, expires_at, client)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(pending.requestId(), pending.registration(), pending.minimum().name(), pending.target(),
					pending.requestedBy() == null ? null : pending.requestedBy().value(), Timestamp.from(pending.expiresAt()), client)
			.update();
	}

	/** The sign-in started here with this request id and not yet expired, used or not. */
	Optional<PendingSignIn> find(String requestId, Instant now) {
		return jdbc.sql("""
				select id, registration, requested_level, target, requested_by, expires_at, used_at is not null as used
				from identity.authn_request where id = ? and expires_at > ?""")
			.params(requestId, Timestamp.from(now))
			.query((rs, row) -> new PendingSignIn(rs.getString("id"), rs.getString("registration"),
					TrustLevel.valueOf(rs.getString("requested_level")), rs.getString("target"),
					rs.getObject("requested_by", UUID.class) == null ? null : new AccountId(rs.getObject("requested_by", UUID.class)),
					rs.getTimestamp("expires_at").toInstant(), rs.getBoolean("used")))
			.optional();
	}

	/**
	 * Records the assertion as used and the request as answered, both or neither: a second use of
	 * either is refused, on whichever node it arrives.
	 */
	@Transactional(rollbackFor = SamlRefusal.class)
	public void complete(String requestId, String issuer, String assertionId, Instant assertionExpiry, Instant now) throws SamlRefusal {
		int fresh = jdbc.sql("""
				insert into identity.used_assertion (issuer, assertion_id, expires_at) values (?, ?, ?)
				on conflict do nothing""")
			.params(issuer, assertionId, Timestamp.from(assertionExpiry)).update();
		if (fresh == 0) {
			throw new SamlRefusal(SamlRefusal.Reason.REPLAYED, "assertion id seen before");
		}
		int answered = jdbc.sql("update identity.authn_request set used_at = ? where id = ? and used_at is null and expires_at > ?")
			.params(Timestamp.from(now), requestId, Timestamp.from(now)).update();
		if (answered == 0) {
			throw new SamlRefusal(SamlRefusal.Reason.UNKNOWN_REQUEST, "request answered before or expired");
		}
	}

	/**
	 * Forgets expired requests and assertions (idempotent; every node may run it). Expired requests no longer
	 * count against the limits anyway; sweeping every five minutes keeps a flood from leaving rows for long.
	 */
	@SchedulerLock(name = "identity.sign-in-requests.expire", lockAtMostFor = "PT4M", lockAtLeastFor = "PT1M")
	@Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT7M")
	void expire() {
		for (Tenant tenant : tenants.all()) {
			TenantContext.runAs(tenant.id(), () -> forget(clock.instant()));
		}
	}

	int forget(Instant now) {
		return jdbc.sql("delete from identity.authn_request where expires_at < ?").param(Timestamp.from(now)).update()
				+ jdbc.sql("delete from identity.used_assertion where expires_at < ?").param(Timestamp.from(now)).update();
	}
}
