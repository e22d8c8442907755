// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.tax.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;

import de.openrathaus.tax.DogTaxAssessment;
import de.openrathaus.tax.DogTaxAssessment.Period;
import de.openrathaus.tax.DogTaxCase;
import de.openrathaus.tax.DogTaxCategory;
import de.openrathaus.tax.Money;

import org.junit.jupiter.api.Test;

class DogTaxCalculatorTests {

	static final DogTaxRates RATES = new DogTaxSettings(null, null).ratesOf("musterstadt");
	static final LocalDate DECISION_DAY = LocalDate.of(2026, 11, 24);

	@Test
	void aFirstDogFromMarchPaysNineTwelfthsOfTheAnnualRate() {
		DogTaxAssessment tax = DogTaxCalculator.assess(new DogTaxCase(LocalDate.of(2026, 3, 15), 0, false, DECISION_DAY), RATES);
		assertThat(tax.category()).isEqualTo(DogTaxCategory.FIRST_DOG);
		assertThat(tax.annual()).isEqualTo(Money.euros("156.00"));
		assertThat(tax.liableFrom()).isEqualTo(LocalDate.of(2026, 4, 1));
		assertThat(tax.periods()).containsExactly(new Period(2026, 9, Money.euros("117.00")));
		assertThat(tax.dueNow()).isEqualTo(Money.euros("117.00"));
	}

	@Test
	void theSecondAndFurtherDogsPayHigherRates() {
		assertThat(DogTaxCalculator.assess(new DogTaxCase(LocalDate.of(2025, 12, 31), 1, false, DECISION_DAY), RATES).annual())
			.isEqualTo(Money.euros("180.00"));
		assertThat(DogTaxCalculator.assess(new DogTaxCase(LocalDate.of(2025, 12, 31), 4, false, DECISION_DAY), RATES).category())
			.isEqualTo(DogTaxCategory.FURTHER_DOG);
	}

	@Test
	void aDangerousDogPaysTheDangerousRateWhateverTheCount() {
		DogTaxAssessment tax = DogTaxCalculator.assess(new DogTaxCase(LocalDate.of(2026, 10, 1), 0, true, DECISION_DAY), RATES);
		assertThat(tax.category()).isEqualTo(DogTaxCategory.DANGEROUS_DOG);
		assertThat(tax.periods()).containsExactly(new Period(2026, 2, Money.euros("104.00")));
	}

	@Test
	void aLateRegistrationIsAssessedForEveryYearSinceTheDogCame() {
		DogTaxAssessment tax = DogTaxCalculator.assess(new DogTaxCase(LocalDate.of(2024, 6, 10), 0, false, DECISION_DAY), RATES);
		assertThat(tax.periods()).containsExactly(new Period(2024, 6, Money.euros("78.00")),
				new Period(2025, 12, Money.euros("156.00")), new Period(2026, 12, Money.euros("156.00")));
		assertThat(tax.dueNow()).isEqualTo(Money.euros("390.00"));
	}

	@Test
	void aDogArrivingInDecemberIsTaxedFromJanuaryOfTheNextYear() {
		DogTaxAssessment tax = DogTaxCalculator.assess(new DogTaxCase(LocalDate.of(2026, 11, 20), 0, false, DECISION_DAY), RATES);
		assertThat(tax.periods()).containsExactly(new Period(2026, 1, Money.euros("13.00")));
		DogTaxAssessment december = DogTaxCalculator.assess(
				new DogTaxCase(LocalDate.of(2026, 12, 2), 0, false, LocalDate.of(2026, 12, 10)), RATES);
		assertThat(december.periods()).containsExactly(new Period(2027, 12, Money.euros("156.00")));
	}

	@Test
	void aMunicipalityCanHaveItsOwnRatesAndMonthsAreRoundedToTheCent() {
		DogTaxSettings settings = new DogTaxSettings(null,
				Map.of("kleinstadt", new DogTaxSettings.Rates("100.00", "120.00", "150.00", "500.00")));
		DogTaxAssessment tax = DogTaxCalculator.assess(new DogTaxCase(LocalDate.of(2026, 5, 3), 0, false, DECISION_DAY),
				settings.ratesOf("kleinstadt"));
		assertThat(tax.periods()).containsExactly(new Period(2026, 7, Money.euros("58.33")));
		assertThat(settings.ratesOf("musterstadt").firstDog()).isEqualTo(Money.euros("156.00"));
	}

	@Test
	void aDogKeptFromAFutureDayIsRefused() {
		assertThatThrownBy(() -> new DogTaxCase(DECISION_DAY.plusDays(1), 0, false, DECISION_DAY))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void moneyIsShownTheGermanWay() {
		assertThat(Money.euros("1234.5").format()).isEqualTo("1.234,50 €");
	}
}
