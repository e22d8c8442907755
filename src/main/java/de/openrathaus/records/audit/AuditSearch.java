// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import de.openrathaus.tenancy.TenantContext;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The auditor's view of the audit trail of the current municipality: entries by who, what, which record
 * and when, newest first for the page, oldest first for an export, each with its chain values so that an
 * export can be checked outside the platform with the key ({@code tools/VerifyAuditExport.java}).
 */
@Component
public class AuditSearch {

	/** At most this many entries in one export. */
	public static final int EXPORT_LIMIT = 100_000;

	private final JdbcClient jdbc;
	private final AuditKeys keys;
	private final AuditTrail audit;

	AuditSearch(JdbcClient jdbc, AuditKeys keys, AuditTrail audit) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.audit = audit;
	}

	/**
	 * What to look for; empty fields match everything. Text fields match a part, regardless of case.
	 *
	 * @param from entries at or after this instant
	 * @param until entries before this instant
	 */
	public record Query(@Nullable String actor, @Nullable String action, @Nullable String object, @Nullable Instant from,
			@Nullable Instant until) {

		/** Whether the query leaves entries out within its time range, so that neighbours in the export need not be neighbours in the chain. */
		public boolean narrowed() {
			return present(actor) || present(action) || present(object);
		}
	}

	/** One entry with its chain values. */
	public record Entry(long seq, Instant at, String actor, String action, String object, String origin, String previousHash, String hash,
			int scheme) {
	}

	/** The municipality's id, which each chain value covers, and the fingerprint of the key in use. */
	public record Chain(String municipality, String keyId) {
	}

	/** The newest matching entries; the search itself is recorded, as a read of the trail by the auditor. */
	@Transactional
	public List<Entry> newest(Query query, int limit, String auditor, String origin) {
		List<Entry> entries = new ArrayList<>();
		select(query, "desc", limit, entries::add);
		audit.record(auditor, AuditAction.SEARCH, "audit trail", origin);
		return entries;
	}

	/**
	 * Hands the matching entries, oldest first, to the consumer (at most {@link #EXPORT_LIMIT}); returns how
	 * many. The export is recorded; its own entry follows the exported ones.
	 */
	@Transactional
	public int export(Query query, Consumer<Entry> consumer, String auditor, String origin) {
		int[] count = new int[1];
		select(query, "asc", EXPORT_LIMIT, entry -> {
			count[0]++;
			consumer.accept(entry);
		});
		audit.record(auditor, AuditAction.EXPORTED, "audit trail (" + count[0] + " entries)", origin);
		return count[0];
	}

	public Chain chain() {
		return new Chain(TenantContext.require().toString(), keys.current().id());
	}

	/** The actions an entry can record, for the search form. */
	public static List<String> actions() {
		return java.util.Arrays.stream(AuditAction.values()).map(Enum::name).toList();
	}

	private void select(Query query, String direction, int limit, Consumer<Entry> consumer) {
		StringBuilder sql = new StringBuilder("select seq, at, actor, action, object, origin, prev_hash, hash, scheme from records.audit_entry where true");
		List<Object> parameters = new ArrayList<>();
		if (present(query.actor())) {
			sql.append(" and actor ilike ? escape '\\'");
			parameters.add(like(query.actor()));
		}
		if (present(query.action())) {
			sql.append(" and action = ?");
			parameters.add(query.action().strip().toUpperCase(Locale.ROOT));
		}
		if (present(query.object())) {
			sql.append(" and object ilike ? escape '\\'");
			parameters.add(like(query.object()));
		}
		// A search by time alone is turned into a range of entries without gaps, so an export of it can be
		// checked link by link: an entry's time is taken before its transaction commits and its number at
		// the commit, so near the edges of a time range the two orders may differ.
		String first = query.narrowed() ? " and at >= ?" : " and seq >= coalesce((select min(seq) from records.audit_entry where at >= ?), 9223372036854775807)";
		String last = query.narrowed() ? " and at < ?" : " and seq <= coalesce((select max(seq) from records.audit_entry where at < ?), 0)";
		if (query.from() != null) {
			sql.append(first);
			parameters.add(Timestamp.from(query.from()));
		}
		if (query.until() != null) {
			sql.append(last);
			parameters.add(Timestamp.from(query.until()));
		}
		sql.append(" order by seq ").append(direction).append(" limit ?");
		parameters.add(limit);
		jdbc.sql(sql.toString()).params(parameters).query(rs -> {
			consumer.accept(new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9)));
		});
	}

	private static boolean present(@Nullable String text) {
		return text != null && !text.isBlank();
	}

	private static String like(String text) {
		return "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}
}
