// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import de.openrathaus.files.Sha256;
import de.openrathaus.tenancy.TenantContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Who read or changed what in the electronic file, when and from where. Entries are appended only;
 * each carries a chain value over its content and the previous entry's value of its municipality:
 * an HMAC-SHA256 with the installation's {@link AuditKey} (scheme 2), or for entries written before
 * the chain was keyed the plain SHA-256 (scheme 1). A changed, inserted or deleted row breaks the
 * chain; without the key it cannot be recomputed. {@link AuditVerification} checks it together with
 * the {@link AuditCheckpoints}, which catch the removal of the newest entries.
 */
@Component
public class AuditTrail {

	static final String GENESIS = "0".repeat(64);

	private final JdbcClient jdbc;
	private final AuditKeys keys;
	private final AuditVerification verification;
	private final Clock clock;

	AuditTrail(JdbcClient jdbc, AuditKeys keys, AuditVerification verification, Clock clock) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.verification = verification;
		this.clock = clock;
	}

	/** An entry waiting for its transaction's commit. */
	private record Pending(Instant at, String actor, String action, String object, String origin) {
	}

	/**
	 * Appends an entry in the caller's transaction, so the entry exists exactly if the action
	 * happened. The entries are written just before the commit: the chain is extended under a lock
	 * per municipality, and holding it only from there to the commit keeps concurrent requests from
	 * queueing behind each other's work.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String actor, AuditAction action, String object, String origin) {
		Pending entry = new Pending(clock.instant().truncatedTo(ChronoUnit.MICROS), actor, action.name(), object, origin);
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			append(List.of(entry));
			return;
		}
		@SuppressWarnings("unchecked")
		List<Pending> pending = (List<Pending>) TransactionSynchronizationManager.getResource(this);
		if (pending == null) {
			List<Pending> entries = new ArrayList<>();
			TransactionSynchronizationManager.bindResource(this, entries);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void beforeCommit(boolean readOnly) {
					append(entries);
					entries.clear();
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(AuditTrail.this);
				}
			});
			pending = entries;
		}
		pending.add(entry);
	}

	private void append(List<Pending> entries) {
		if (entries.isEmpty()) {
			return;
		}
		String tenant = TenantContext.require().toString();
		AuditKey key = keys.current();
		jdbc.sql("select pg_advisory_xact_lock(hashtext('records.audit'), hashtext(?))").param(tenant).query(Object.class).list();
		String previous = jdbc.sql("select hash from records.audit_entry order by seq desc limit 1").query(String.class).optional()
			.orElse(GENESIS);
		for (Pending entry : entries) {
			String hash = key.link(previous, tenant, entry.at(), entry.actor(), entry.action(), entry.object(), entry.origin());
			jdbc.sql("insert into records.audit_entry(at, actor, action, object, origin, prev_hash, hash, scheme) values (?, ?, ?, ?, ?, ?, ?, 2)")
				.params(Timestamp.from(entry.at()), entry.actor(), entry.action(), entry.object(), entry.origin(), previous, hash).update();
			previous = hash;
		}
	}

	/**
	 * The first entry whose chain is broken or that a checkpoint in the database contradicts, if any
	 * (checks the whole trail of the bound municipality).
	 */
	public Optional<Long> verify() {
		AuditVerification.Result result = verification.check(List.of());
		return result.intact() ? Optional.empty() : Optional.ofNullable(result.brokenEntry());
	}

	public long size() {
		return jdbc.sql("select count(*) from records.audit_entry").query(Long.class).single();
	}

	/** The chain value of an entry in the old, unkeyed format (scheme 1). */
	static String hash(String previous, String tenant, Instant at, String actor, String action, String object, String origin) {
		String line = String.join("\u001f", previous, tenant, at.toString(), actor, action, object, origin);
		return Sha256.hex(line);
	}
}
