// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.catalogue.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ScoringTests {

	static final LocalDate DAY = LocalDate.of(2026, 11, 24);

	static ProcessRecord process(String key, int cases, int citizens, int budget, int feasibility, boolean law, LocalDate deadline) {
		Map<ProcessField, Object> v = new EnumMap<>(ProcessField.class);
		v.put(ProcessField.KEY, key);
		v.put(ProcessField.NAME, "Prozess " + key);
		v.put(ProcessField.DEPARTMENT, "steuern");
		v.put(ProcessField.CASES_PER_YEAR, cases);
		v.put(ProcessField.CITIZEN_BENEFIT, citizens);
		v.put(ProcessField.BUSINESS_BENEFIT, 0);
		v.put(ProcessField.MINUTES_SAVED, 10);
		v.put(ProcessField.BUDGET, budget);
		v.put(ProcessField.STAFF_DAYS, budget / 1000);
		v.put(ProcessField.FEASIBILITY, feasibility);
		v.put(ProcessField.LAW_DEMANDS_DIGITAL, law);
		v.put(ProcessField.DIGITAL_DEADLINE, deadline == null ? ProcessValues.NONE : deadline);
		return new ProcessRecord(ProcessId.random(), v, ProcessRecord.Status.REVIEWED, 1, Instant.EPOCH, false);
	}

	static Map<Criterion, Integer> weights(int each) {
		Map<Criterion, Integer> w = new EnumMap<>(Criterion.class);
		for (Criterion c : Criterion.values()) {
			w.put(c, each);
		}
		return w;
	}

	@Test
	void moreBenefitAndLessEffortRanksHigherAndTheExplanationAddsUpToTheScore() {
		List<ProcessRecord> processes = List.of(process("A-1", 50_000, 5, 10_000, 5, true, LocalDate.of(2022, 12, 31)),
				process("B-1", 200, 1, 200_000, 1, false, null), process("C-1", 5_000, 3, 50_000, 3, true, LocalDate.of(2030, 1, 1)));
		List<Scoring.Ranked> ranked = Scoring.rank(processes, weights(1), DAY);
		assertThat(ranked).extracting(r -> r.process().key()).containsExactly("A-1", "C-1", "B-1");
		for (Scoring.Ranked r : ranked) {
			assertThat(r.terms().stream().mapToDouble(Scoring.Term::contribution).sum()).isCloseTo(r.score(), within(1e-9));
			assertThat(r.terms()).hasSize(Criterion.values().length);
		}
		Scoring.Term legal = ranked.getFirst().terms().stream().filter(t -> t.criterion() == Criterion.LEGAL_PRESSURE).findFirst().orElseThrow();
		assertThat(legal.value()).isEqualTo(1.0);
		assertThat(legal.basis()).isEqualTo("Pflicht bis 2022-12-31");
		assertThat(legal.totalWeight()).isEqualTo(Criterion.values().length);
		assertThat(legal.basisArgs(java.util.Locale.GERMAN)).containsExactly("31.12.2022");
	}

	@Test
	void theExplanationSpellsOutTheScalingInTheReadersLanguage() {
		var messages = new org.springframework.context.support.ResourceBundleMessageSource();
		messages.setBasenames("i18n/catalogue");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		Scoring.Term term = new Scoring.Term(Criterion.BUDGET, 0.4, 3, 20, -6.0, "120000 €", "ranking.basis.budget", List.of(120000));
		String basisDe = messages.getMessage(term.basisKey(), term.basisArgs(java.util.Locale.GERMAN), java.util.Locale.GERMAN);
		assertThat(messages.getMessage("ranking.term", new Object[] {"Budget", basisDe, term.value(), term.weight(), term.totalWeight(),
				term.contribution()}, java.util.Locale.GERMAN))
			.isEqualTo("Budget: 120.000 € (gemessen am größten Wert im Katalog) → 0,40 × Gewicht 3 × 100 ÷ Summe der Gewichte 20 = −6,00");
		assertThat(messages.getMessage("ranking.term", new Object[] {"Budget", "x", 0.4, 3, 20, 6.0}, java.util.Locale.ENGLISH))
			.isEqualTo("Budget: x → 0.40 × weight 3 × 100 ÷ sum of weights 20 = +6.00");
	}

	@Test
	void legalPressureDependsOnTheDeadlineAndTheReferenceDay() {
		ProcessRecord later = process("X-1", 10, 0, 0, 0, true, LocalDate.of(2028, 6, 1));
		assertThat(Scoring.legalPressure(later, DAY)).isEqualTo(0.6);
		assertThat(Scoring.legalPressure(later, LocalDate.of(2027, 6, 1))).isEqualTo(1.0);
		assertThat(Scoring.legalPressure(process("X-2", 10, 0, 0, 0, true, null), DAY)).isEqualTo(0.6);
		assertThat(Scoring.legalPressure(process("X-3", 10, 0, 0, 0, false, null), DAY)).isZero();
	}

	@Test
	void weightsChangeTheRankingAndEqualScoresAreOrderedById() {
		List<ProcessRecord> processes = List.of(process("CHEAP", 100, 1, 1_000, 5, false, null),
				process("BIG", 60_000, 5, 400_000, 1, false, null));
		Map<Criterion, Integer> benefitOnly = new EnumMap<>(Criterion.class);
		benefitOnly.put(Criterion.CASE_VOLUME, 10);
		Map<Criterion, Integer> effortOnly = new EnumMap<>(Criterion.class);
		effortOnly.put(Criterion.BUDGET, 10);
		assertThat(Scoring.rank(processes, benefitOnly, DAY).getFirst().process().key()).isEqualTo("BIG");
		assertThat(Scoring.rank(processes, effortOnly, DAY).getFirst().process().key()).isEqualTo("CHEAP");
		List<ProcessRecord> twins = List.of(process("Z-9", 100, 2, 100, 2, false, null), process("A-9", 100, 2, 100, 2, false, null));
		assertThat(Scoring.rank(twins, weights(2), DAY)).extracting(r -> r.process().key()).containsExactly("A-9", "Z-9");
	}

	@Test
	void theSameInputGivesTheSameRankingAndTenThousandProcessesRank() {
		List<ProcessRecord> many = new ArrayList<>();
		java.util.Random random = new java.util.Random(42);
		for (int i = 0; i < 10_000; i++) {
			many.add(process("P-" + i, random.nextInt(50_000), random.nextInt(6), random.nextInt(300_000), random.nextInt(6),
					random.nextBoolean(), random.nextBoolean() ? LocalDate.of(2020 + random.nextInt(10), 1, 1) : null));
		}
		List<String> first = Scoring.rank(many, weights(3), DAY).stream().map(r -> r.process().key()).toList();
		java.util.Collections.reverse(many);
		List<String> second = Scoring.rank(many, weights(3), DAY).stream().map(r -> r.process().key()).toList();
		assertThat(second).isEqualTo(first);
	}

	@Test
	void theChartIsAnAccessibleSvgWithEscapedNames() {
		ProcessRecord evil = process("E-1", 10, 1, 1, 1, false, null);
		evil.values().put(ProcessField.NAME, "<script>alert(1)</script>");
		String svg = PortfolioChart.svg(Scoring.rank(List.of(evil), weights(1), DAY), catalogueBundle(), java.util.Locale.GERMAN);
		assertThat(svg).startsWith("<svg").contains("role=\"img\"").contains("<title id=\"chart-title\">Portfolio: Nutzen und Aufwand</title>")
			.contains("weiter oben mehr Nutzen, größer mehr Fälle pro Jahr").contains(">Nutzen →</text>")
			.doesNotContain("<script>").contains("&lt;script&gt;");
	}

	@Test
	void theChartSpeaksTheReadersLanguage() {
		String svg = PortfolioChart.svg(Scoring.rank(List.of(process("E-2", 10, 1, 1, 1, false, null)), weights(1), DAY), catalogueBundle(),
				java.util.Locale.ENGLISH);
		assertThat(svg).contains("<title id=\"chart-title\">Portfolio: benefit and effort</title>").contains(">quick wins</text>")
			.contains(">benefit →</text>").doesNotContain("Nutzen");
	}

	@Test
	void everyCriterionIsNamedInBothLanguages() {
		org.springframework.context.MessageSource bundle = catalogueBundle();
		for (Criterion criterion : Criterion.values()) {
			String german = bundle.getMessage(criterion.messageKey(), null, java.util.Locale.GERMAN);
			String english = bundle.getMessage(criterion.messageKey(), null, java.util.Locale.ENGLISH);
			assertThat(german).as(criterion.name()).isNotBlank();
			assertThat(english).as(criterion.name()).isNotBlank();
		}
		assertThat(bundle.getMessage(Criterion.CITIZENS.messageKey(), null, java.util.Locale.GERMAN)).isEqualTo("Nutzen für Bürgerinnen und Bürger");
		assertThat(bundle.getMessage(Criterion.CITIZENS.messageKey(), null, java.util.Locale.ENGLISH)).isEqualTo("Benefit for citizens");
	}

	/** The catalogue's bundle as the application reads it (German the default, no fallback to the machine's language). */
	static org.springframework.context.MessageSource catalogueBundle() {
		org.springframework.context.support.ResourceBundleMessageSource bundle = new org.springframework.context.support.ResourceBundleMessageSource();
		bundle.setBasename("i18n/catalogue");
		bundle.setDefaultEncoding("UTF-8");
		bundle.setFallbackToSystemLocale(false);
		return bundle;
	}
}
