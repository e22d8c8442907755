// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.catalogue.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ranking of the catalogue by the board's weights. Pure and deterministic: the same processes,
 * weights and reference day give the same ranking, ties broken by process id. Every criterion is
 * brought to 0–1 (scales of 0–5 divided by 5; case volume on a logarithmic scale and time saved and
 * effort relative to the largest in the catalogue; legal pressure 1 when the law's deadline has
 * passed or falls within a year, 0.6 when a law demands a digital offer later or without a date);
 * the score is the weighted sum of benefits and feasibility minus the weighted effort, divided by
 * the sum of all weights, times 100.
 */
final class Scoring {

	private Scoring() {
	}

	/**
	 * One criterion's part in a score: {@code contribution = ±value × weight × 100 / totalWeight}.
	 *
	 * @param basis what the value was computed from, in German (read API)
	 * @param basisKey the same as a message key for the pages, with {@code basisArgs}
	 */
	record Term(Criterion criterion, double value, int weight, int totalWeight, double contribution, String basis, String basisKey,
			List<Object> basisArgs) {

		/** The message arguments, dates written as the reader's language writes them. */
		public Object[] basisArgs(Locale locale) {
			DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
			return basisArgs.stream().map(a -> a instanceof LocalDate d ? dates.format(d) : a).toArray();
		}
	}

	private record Basis(String text, String key, List<Object> args) {
	}

	private static Basis basis(String text, String key, Object... args) {
		return new Basis(text, key, List.of(args));
	}

	/**
	 * A ranked process.
	 *
	 * @param benefit weighted benefit, 0–1 (portfolio chart y)
	 * @param effort weighted effort, 0–1 (portfolio chart x)
	 */
	record Ranked(int rank, ProcessRecord process, double score, double benefit, double effort, List<Term> terms) {
	}

	static List<Ranked> rank(List<ProcessRecord> processes, Map<Criterion, Integer> weights, LocalDate referenceDay) {
		double maxLogCases = processes.stream().mapToDouble(p -> Math.log10(p.casesPerYear() + 1.0)).max().orElse(1);
		double maxTime = processes.stream().mapToDouble(p -> (double) p.casesPerYear() * p.integer(ProcessField.MINUTES_SAVED)).max().orElse(1);
		double maxBudget = processes.stream().mapToDouble(p -> p.integer(ProcessField.BUDGET)).max().orElse(1);
		double maxStaff = processes.stream().mapToDouble(p -> p.integer(ProcessField.STAFF_DAYS)).max().orElse(1);
		int total = weights.values().stream().mapToInt(Integer::intValue).sum();
		record Scored(ProcessRecord process, double score, double benefit, double effort, List<Term> terms) {
		}
		List<Scored> scored = new ArrayList<>(processes.size());
		for (ProcessRecord p : processes) {
			Map<Criterion, Double> values = new EnumMap<>(Criterion.class);
			Map<Criterion, Basis> bases = new EnumMap<>(Criterion.class);
			values.put(Criterion.CITIZENS, p.integer(ProcessField.CITIZEN_BENEFIT) / 5.0);
			bases.put(Criterion.CITIZENS, basis(p.integer(ProcessField.CITIZEN_BENEFIT) + " / 5", "ranking.basis.scale", p.integer(ProcessField.CITIZEN_BENEFIT)));
			values.put(Criterion.BUSINESSES, p.integer(ProcessField.BUSINESS_BENEFIT) / 5.0);
			bases.put(Criterion.BUSINESSES, basis(p.integer(ProcessField.BUSINESS_BENEFIT) + " / 5", "ranking.basis.scale", p.integer(ProcessField.BUSINESS_BENEFIT)));
			values.put(Criterion.CASE_VOLUME, ratio(Math.log10(p.casesPerYear() + 1.0), maxLogCases));
			bases.put(Criterion.CASE_VOLUME, basis(p.casesPerYear() + " Fälle/Jahr (logarithmisch)", "ranking.basis.cases", p.casesPerYear()));
			double time = (double) p.casesPerYear() * p.integer(ProcessField.MINUTES_SAVED);
			values.put(Criterion.TIME_SAVED, ratio(time, maxTime));
			bases.put(Criterion.TIME_SAVED, basis(Math.round(time / 60) + " Stunden/Jahr", "ranking.basis.hours", Math.round(time / 60)));
			values.put(Criterion.LEGAL_PRESSURE, legalPressure(p, referenceDay));
			bases.put(Criterion.LEGAL_PRESSURE, !p.flag(ProcessField.LAW_DEMANDS_DIGITAL) ? basis("keine Pflicht", "ranking.basis.noDuty")
					: p.deadline() == null ? basis("Pflicht ohne Frist", "ranking.basis.dutyOpen")
					: basis("Pflicht bis " + p.deadline(), "ranking.basis.dutyBy", p.deadline()));
			values.put(Criterion.BUDGET, ratio(p.integer(ProcessField.BUDGET), maxBudget));
			bases.put(Criterion.BUDGET, basis(p.integer(ProcessField.BUDGET) + " €", "ranking.basis.budget", p.integer(ProcessField.BUDGET)));
			values.put(Criterion.STAFF, ratio(p.integer(ProcessField.STAFF_DAYS), maxStaff));
			bases.put(Criterion.STAFF, basis(p.integer(ProcessField.STAFF_DAYS) + " Personentage", "ranking.basis.staff", p.integer(ProcessField.STAFF_DAYS)));
			values.put(Criterion.FEASIBILITY, p.integer(ProcessField.FEASIBILITY) / 5.0);
			bases.put(Criterion.FEASIBILITY, basis(p.integer(ProcessField.FEASIBILITY) + " / 5", "ranking.basis.scale", p.integer(ProcessField.FEASIBILITY)));

			List<Term> terms = new ArrayList<>();
			double sum = 0;
			double benefit = 0;
			double benefitWeights = 0;
			double effort = 0;
			double effortWeights = 0;
			for (Criterion c : Criterion.values()) {
				int w = weights.getOrDefault(c, 0);
				double v = values.get(c);
				double contribution = total == 0 ? 0 : (c.side == Criterion.Side.EFFORT ? -1 : 1) * w * v * 100.0 / total;
				sum += contribution;
				Basis basis = bases.get(c);
				terms.add(new Term(c, v, w, total, contribution, basis.text(), basis.key(), basis.args()));
				if (c.side == Criterion.Side.BENEFIT) {
					benefit += w * v;
					benefitWeights += w;
				}
				else if (c.side == Criterion.Side.EFFORT) {
					effort += w * v;
					effortWeights += w;
				}
			}
			scored.add(new Scored(p, sum, benefitWeights == 0 ? 0 : benefit / benefitWeights,
					effortWeights == 0 ? 0 : effort / effortWeights, terms));
		}
		scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(s -> s.process().key()));
		List<Ranked> ranked = new ArrayList<>(scored.size());
		for (int i = 0; i < scored.size(); i++) {
			Scored s = scored.get(i);
			ranked.add(new Ranked(i + 1, s.process(), s.score(), s.benefit(), s.effort(), s.terms()));
		}
		return ranked;
	}

	static double legalPressure(ProcessRecord p, LocalDate referenceDay) {
		if (!p.flag(ProcessField.LAW_DEMANDS_DIGITAL)) {
			return 0;
		}
		LocalDate deadline = p.deadline();
		return deadline != null && !deadline.isAfter(referenceDay.plusYears(1)) ? 1.0 : 0.6;
	}

	private static double ratio(double value, double max) {
		return max <= 0 ? 0 : value / max;
	}
}
