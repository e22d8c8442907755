// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.catalogue.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Read API of the catalogue for other systems, documented in {@code /api/v1/catalogue/openapi.yaml}:
 * processes (filtered and paged), the ranking of a weight set with its explanation, and the plan.
 * Staff accounts authenticate with HTTP Basic; every municipality sees only its own data.
 */
@RestController
@RequestMapping("/api/v1/catalogue")
@PreAuthorize("hasAuthority('catalogue:api')")
class CatalogueApi {

	private final ProcessStore store;
	private final WeightSets weights;
	private final PlanStore plan;
	private final Clock clock;

	CatalogueApi(ProcessStore store, WeightSets weights, PlanStore plan, Clock clock) {
		this.clock = clock;
		this.store = store;
		this.weights = weights;
		this.plan = plan;
	}

	record Page<T>(List<T> items, int page, int size, long total) {
	}

	record WeightSetView(int version, Map<String, Integer> weights, String note, String createdBy, String createdAt) {
	}

	record TermView(String criterion, double value, int weight, double contribution, String basis) {
	}

	record RankedView(int rank, String key, String name, String department, double score, double benefit, double effort,
			int casesPerYear, List<TermView> terms) {
	}

	record Ranking(WeightSetView weightSet, LocalDate referenceDay, long total, List<RankedView> items) {
	}

	record PlanView(int year, String key, String name, String department, String owner, String status, String note) {
	}

	@GetMapping("/processes")
	Page<Map<String, Object>> processes(@RequestParam(required = false) @Nullable String department,
			@RequestParam(required = false) @Nullable String status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		if (page < 0 || size < 1 || size > 500) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page >= 0 and 1 <= size <= 500");
		}
		List<ProcessRecord> all = (department == null ? store.all() : store.ofDepartment(department)).stream()
			.filter(p -> status == null || p.status().name().equals(status)).toList();
		List<Map<String, Object>> items = all.stream().skip((long) page * size).limit(size).map(CatalogueApi::view).toList();
		return new Page<>(items, page, size, all.size());
	}

	@GetMapping("/processes/{key}")
	Map<String, Object> process(@PathVariable String key) {
		return store.findByKey(key).map(CatalogueApi::view).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	@GetMapping("/ranking")
	Ranking ranking(@RequestParam(name = "weights", required = false) @Nullable Integer version,
			@RequestParam(defaultValue = "100") int limit) {
		WeightSets.WeightSet set = version == null ? weights.current()
				: weights.version(version).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		LocalDate reference = set.version() == 0 ? LocalDate.now(clock)
				: set.createdAt().atZone(clock.getZone()).toLocalDate();
		List<Scoring.Ranked> ranked = Scoring.rank(store.all(), set.weights(), reference);
		Map<String, Integer> w = new LinkedHashMap<>();
		set.weights().forEach((c, v) -> w.put(c.name(), v));
		return new Ranking(new WeightSetView(set.version(), w, set.note(), set.createdBy(), set.createdAt().toString()), reference,
				ranked.size(), ranked.stream().limit(Math.max(0, Math.min(limit, 10_000))).map(r -> new RankedView(r.rank(), r.process().key(),
						r.process().name(), r.process().department(), r.score(), r.benefit(), r.effort(), r.process().casesPerYear(),
						r.terms().stream().map(t -> new TermView(t.criterion().name(), t.value(), t.weight(), t.contribution(), t.basis())).toList()))
					.toList());
	}

	@GetMapping("/plan")
	List<PlanView> plan() {
		return plan.all().stream().map(e -> new PlanView(e.year(), e.processKey(), e.processName(), e.department(), e.owner(), e.status().name(), e.note()))
			.toList();
	}

	static Map<String, Object> view(ProcessRecord process) {
		Map<String, Object> view = new LinkedHashMap<>();
		for (ProcessField field : ProcessField.values()) {
			Object value = process.values().get(field);
			view.put(field.name, value == ProcessValues.NONE ? null : value instanceof LocalDate date ? date.toString() : value);
		}
		view.put("status", process.status().name());
		view.put("version", process.version());
		view.put("updatedAt", process.updatedAt().toString());
		view.put("demo", process.demo());
		return view;
	}
}
