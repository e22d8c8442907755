// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Map;

import de.openrathaus.tax.Money;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** Fees as the citizen is charged them: per unit, with reductions, exactly to the cent. */
class FeeRuleTests {

	static final Text T = new Text("x", "x");

	@Test
	void theReplacementTokenCostsFiveEurosEachAndHalfWithASocialPass() {
		FeeRule fee = ProcedureTypes.read(new ClassPathResource("procedures/hundemarke-ersatz-v1.yaml")).fee();
		assertThat(fee.paidBeforeSubmission()).isTrue();
		assertThat(fee.calculate(Map.of("marke.anzahl", "1", "ermaessigung.sozialpass", "false")).total()).isEqualTo(new Money(500));
		assertThat(fee.calculate(Map.of("marke.anzahl", "3", "ermaessigung.sozialpass", "false")).total()).isEqualTo(new Money(1500));
		FeeRule.Calculation reduced = fee.calculate(Map.of("marke.anzahl", "3", "ermaessigung.sozialpass", "true"));
		assertThat(reduced.gross()).isEqualTo(new Money(1500));
		assertThat(reduced.total()).isEqualTo(new Money(750));
		assertThat(reduced.reductions()).hasSize(1);
	}

	@Test
	void theParkingPermitCostsPerYearOfValidity() {
		FeeRule fee = ProcedureTypes.read(new ClassPathResource("procedures/bewohnerparkausweis-v2.yaml")).fee();
		assertThat(fee.paidBeforeSubmission()).isTrue();
		assertThat(fee.calculate(Map.of("fahrzeug.jahre", "2")).total()).isEqualTo(new Money(6120));
		assertThat(fee.calculate(Map.of("fahrzeug.jahre", "1")).total()).isEqualTo(new Money(3060));
	}

	@Test
	void theFirstParkingPermitVersionOnlyShowsItsFee() {
		FeeRule fee = ProcedureTypes.read(new ClassPathResource("procedures/bewohnerparkausweis-v1.yaml")).fee();
		assertThat(fee.paidBeforeSubmission()).isFalse();
	}

	@Test
	void reductionsRoundHalfUpToTheCent() {
		FeeRule fee = new FeeRule(333, T, null, List.of(new FeeRule.Reduction(new Condition("a", "true"), 50, T)), null, null, null, null);
		assertThat(fee.calculate(Map.of("a", "true")).total()).isEqualTo(new Money(167));
		assertThat(fee.calculate(Map.of("a", "false")).total()).isEqualTo(new Money(333));
	}

	@Test
	void aRateOverFormValuesSetsTheUnitPriceBeforeUnitsAndReductions() {
		FeeRule fee = ProcedureTypes.read(new ClassPathResource("procedures/halteverbot-umzug-v1.yaml")).fee();
		FeeRule.Calculation oneSide = fee.calculate(Map.of("halteverbot.seiten", "eine", "halteverbot.tage", "2"));
		assertThat(oneSide.rate()).isNull();
		assertThat(oneSide.total()).isEqualTo(new Money(3000));
		FeeRule.Calculation bothSides = fee.calculate(Map.of("halteverbot.seiten", "beide", "halteverbot.tage", "2"));
		assertThat(bothSides.unitPrice()).isEqualTo(new Money(2500));
		assertThat(bothSides.total()).isEqualTo(new Money(5000));
		assertThat(bothSides.rate().label().de()).contains("beide");

		FeeRule firstMatchWins = new FeeRule(100, T, null, List.of(new FeeRule.Reduction(new Condition("s", "true"), 50, T)), null, null,
				null, null, List.of(new FeeRule.Rate(new Condition("k", "a"), 400, T), new FeeRule.Rate(new Condition("k", "a"), 900, T)));
		assertThat(firstMatchWins.calculate(Map.of("k", "a", "s", "true")).total()).isEqualTo(new Money(200));
	}

	@Test
	void aUnitFieldOutOfRangeCountsWithinOneTo99() {
		FeeRule fee = new FeeRule(100, T, "n", null, null, null, null, null);
		assertThat(fee.calculate(Map.of("n", "-5")).units()).isEqualTo(1);
		assertThat(fee.calculate(Map.of("n", "abc")).units()).isEqualTo(1);
		assertThat(fee.calculate(Map.of("n", "100000")).units()).isEqualTo(99);
	}

	@Test
	void aFeePaidOnlineNeedsBookingDataAndAShortPurpose() {
		assertThatIllegalArgumentException().isThrownBy(() -> new FeeRule(100, T, null, null, "before-submission", "Zweck", null, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new FeeRule(100, T, null, null, "before-submission",
				"ein viel zu langer Zweck", "1", "2"));
		assertThatIllegalArgumentException().isThrownBy(() -> new FeeRule(100, T, null, null, "on-a-whim", null, null, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new FeeRule(100, T, null, null, "on-decision", "Zweck", null, null));
	}

	@Test
	void aFeeIsPaidEitherBeforeSubmissionOrOnDecision() {
		FeeRule onDecision = new FeeRule(100, T, null, null, "on-decision", "Zweck", "1.02", "4311000");
		assertThat(onDecision.paidOnDecision()).isTrue();
		assertThat(onDecision.paidBeforeSubmission()).isFalse();
		FeeRule before = new FeeRule(100, T, null, null, "before-submission", "Zweck", "1.02", "4311000");
		assertThat(before.paidOnDecision()).isFalse();
		assertThat(before.paidBeforeSubmission()).isTrue();
		assertThat(new FeeRule(100, T).paidOnDecision()).isFalse();
	}
}
