// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.catalogue.internal;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The board's weight sets; saving creates the next version, old versions stay for reproduction. */
@Component
class WeightSets {

	static final Map<Criterion, Integer> DEFAULTS = defaults();
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	WeightSets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A saved weight set; version 0 stands for the defaults before the board saved any. */
	record WeightSet(int version, Map<Criterion, Integer> weights, String note, Instant createdAt, String createdBy) {
	}

	private static Map<Criterion, Integer> defaults() {
		Map<Criterion, Integer> weights = new EnumMap<>(Criterion.class);
		weights.putAll(Map.of(Criterion.CITIZENS, 3, Criterion.BUSINESSES, 2, Criterion.CASE_VOLUME, 3, Criterion.TIME_SAVED, 2,
				Criterion.LEGAL_PRESSURE, 4, Criterion.BUDGET, 2, Criterion.STAFF, 2, Criterion.FEASIBILITY, 2));
		return weights;
	}

	List<WeightSet> all() {
		return jdbc.sql("select version, weights::text, note, created_at, created_by from catalogue.weight_set order by version desc")
			.query((rs, row) -> new WeightSet(rs.getInt(1), parse(rs.getString(2)), rs.getString(3), rs.getTimestamp(4).toInstant(),
					rs.getString(5)))
			.list();
	}

	WeightSet current() {
		return all().stream().findFirst().orElse(new WeightSet(0, DEFAULTS, "Voreinstellung", Instant.EPOCH, "OpenRathaus"));
	}

	Optional<WeightSet> version(int version) {
		return version == 0 ? Optional.of(new WeightSet(0, DEFAULTS, "Voreinstellung", Instant.EPOCH, "OpenRathaus"))
				: all().stream().filter(w -> w.version() == version).findFirst();
	}

	/** The table lock that makes version numbers gapless and unique holds until this transaction ends. */
	@Transactional
	int save(Map<Criterion, Integer> weights, String note, String by) {
		jdbc.sql("lock table catalogue.weight_set in share row exclusive mode").update();
		int next = jdbc.sql("select coalesce(max(version), 0) + 1 from catalogue.weight_set").query(Integer.class).single();
		Map<String, Integer> json = new LinkedHashMap<>();
		weights.forEach((c, w) -> json.put(c.name(), w));
		jdbc.sql("insert into catalogue.weight_set(version, weights, note, created_by) values (?, ?::jsonb, ?, ?)")
			.params(next, JSON.writeValueAsString(json), note, by).update();
		return next;
	}

	private static Map<Criterion, Integer> parse(String json) {
		Map<String, Integer> raw = JSON.readValue(json, new TypeReference<Map<String, Integer>>() {
		});
		Map<Criterion, Integer> weights = new EnumMap<>(Criterion.class);
		raw.forEach((k, v) -> weights.put(Criterion.valueOf(k), v));
		return weights;
	}
}
