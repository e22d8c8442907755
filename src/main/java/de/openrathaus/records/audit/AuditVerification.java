// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import de.openrathaus.records.audit.AuditCheckpoints.Checkpoint;
import de.openrathaus.tenancy.TenantContext;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks a municipality's audit trail: every link of the chain (entries in the old unkeyed format
 * by the old rule, but only before the first keyed entry), every checkpoint's signature, and that
 * each checkpoint's entry still exists with the recorded chain value and count. Checkpoints and
 * entries are read in one snapshot, so a running installation writing meanwhile does not look
 * tampered with.
 */
@Component
class AuditVerification {

	/**
	 * The outcome for one municipality: the first problem found, if any, and the number of the entry
	 * it concerns (for a checkpoint's problem, the entry the checkpoint names).
	 */
	record Result(long entries, long unkeyedEntries, int checkpoints, @Nullable Long brokenEntry, @Nullable String problem) {

		boolean intact() {
			return problem == null;
		}

		/** A trail still entirely in the old format with no checkpoint yet: intact by the old rule only. */
		boolean unanchored() {
			return unkeyedEntries > 0 && unkeyedEntries == entries && checkpoints == 0;
		}
	}

	private record Entry(long seq, java.time.Instant at, String actor, String action, String object, String origin, String previous,
			String value, int scheme) {
	}

	private final JdbcClient jdbc;
	private final AuditKeys keys;
	private final AuditCheckpoints checkpoints;
	private final TransactionTemplate snapshot;

	AuditVerification(JdbcClient jdbc, AuditKeys keys, AuditCheckpoints checkpoints, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.checkpoints = checkpoints;
		this.snapshot = new TransactionTemplate(transactions);
		this.snapshot.setReadOnly(true);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
	}

	/**
	 * Checks the bound municipality's trail against its checkpoints in the database and the given
	 * ones from the checkpoint file (read before, so each was committed to the database first).
	 *
	 * @throws AuditKey.Unusable if the key file is missing or is not the key the trail was written with
	 */
	Result check(List<Checkpoint> fromFile) {
		return snapshot.execute(status -> walk(fromFile));
	}

	private Result walk(List<Checkpoint> fromFile) {
		String tenant = TenantContext.require().toString();
		List<Checkpoint> stored = checkpoints.inDatabase();
		List<Checkpoint> all = new ArrayList<>(stored);
		all.addAll(fromFile);
		// the key is needed only once there are keyed entries or checkpoints: a trail entirely in the old
		// format (an installation not started since the update) is checked without it
		AuditKey key = all.isEmpty() ? null : keys.current();
		// signatures first: a wrong key file shows here as such, before it makes every keyed entry look changed
		for (Checkpoint checkpoint : all) {
			if (!key.signs(checkpoint.signature(), tenant, checkpoint.entryCount(), checkpoint.lastSeq(), checkpoint.chainValue(),
					checkpoint.at())) {
				if (!checkpoint.keyId().equals(key.id())) {
					throw new AuditKey.Unusable("The audit key file (key id " + key.id() + ") is not the key this trail was written with: the "
							+ checkpoint.describe() + " was signed with key id " + checkpoint.keyId() + ". Use the right key file.");
				}
				return new Result(0, 0, all.size(), checkpoint.lastSeq(), "the " + checkpoint.describe() + " has an invalid signature: it was changed or forged");
			}
		}
		Map<Long, List<Checkpoint>> bySeq = new HashMap<>();
		all.forEach(checkpoint -> bySeq.computeIfAbsent(checkpoint.lastSeq(), seq -> new ArrayList<>()).add(checkpoint));
		Set<Checkpoint> matched = new HashSet<>();
		String previous = AuditTrail.GENESIS;
		long count = 0;
		long unkeyed = 0;
		boolean keyedSeen = false;
		long lastSeq = 0;
		try (Stream<Entry> entries = jdbc.sql("""
				select seq, at, actor, action, object, origin, prev_hash, hash, scheme from records.audit_entry order by seq""")
			.withFetchSize(1000)
			.query((rs, row) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9)))
			.stream()) {
			for (Entry entry : (Iterable<Entry>) entries::iterator) {
				count++;
				String expected;
				if (entry.scheme() == 1) {
					if (keyedSeen) {
						return new Result(count, unkeyed, all.size(), entry.seq(),
								"in the old unkeyed format after keyed entries: rewritten by someone without the key");
					}
					unkeyed++;
					expected = AuditTrail.hash(previous, tenant, entry.at(), entry.actor(), entry.action(), entry.object(), entry.origin());
				}
				else {
					key = key == null ? keys.current() : key;
					expected = key.link(previous, tenant, entry.at(), entry.actor(), entry.action(), entry.object(), entry.origin());
				}
				if (!entry.previous().equals(previous) || !entry.value().equals(expected)) {
					String cause = entry.scheme() == 2 && !keyedSeen && all.isEmpty()
							? "changed, inserted or deleted (or the key file is not the one the trail was written with)"
							: "changed, inserted or deleted";
					return new Result(count, unkeyed, all.size(), entry.seq(), cause);
				}
				keyedSeen |= entry.scheme() == 2;
				for (Checkpoint checkpoint : bySeq.getOrDefault(entry.seq(), List.of())) {
					if (!checkpoint.chainValue().equals(entry.value())) {
						return new Result(count, unkeyed, all.size(), entry.seq(), "the " + checkpoint.describe()
								+ " recorded another chain value for this entry: the trail up to it was rewritten");
					}
					if (checkpoint.entryCount() != count) {
						return new Result(count, unkeyed, all.size(), entry.seq(), "the " + checkpoint.describe() + " counted "
								+ checkpoint.entryCount() + " entries up to this one, the trail now has " + count + ": entries were removed or inserted");
					}
					matched.add(checkpoint);
				}
				previous = entry.value();
				lastSeq = entry.seq();
			}
		}
		for (Checkpoint checkpoint : all.stream().sorted(Comparator.comparingLong(Checkpoint::lastSeq).reversed()).toList()) {
			if (matched.contains(checkpoint)) {
				continue;
			}
			if (checkpoint.lastSeq() > lastSeq) {
				return new Result(count, unkeyed, all.size(), checkpoint.lastSeq(), "the newest entries were removed: the " + checkpoint.describe() + " counted "
						+ checkpoint.entryCount() + " entries up to entry " + checkpoint.lastSeq() + ", but the trail now "
						+ (count == 0 ? "is empty" : "ends at entry " + lastSeq + " with " + count + " entries"));
			}
			return new Result(count, unkeyed, all.size(), checkpoint.lastSeq(),
					"removed, though the " + checkpoint.describe() + " names it");
		}
		for (Checkpoint checkpoint : fromFile) {
			if (stored.stream().noneMatch(checkpoint::sameAs)) {
				return new Result(count, unkeyed, all.size(), checkpoint.lastSeq(),
						"the " + checkpoint.describe() + " is missing from the database: checkpoints were removed there");
			}
		}
		return new Result(count, unkeyed, all.size(), null, null);
	}
}
