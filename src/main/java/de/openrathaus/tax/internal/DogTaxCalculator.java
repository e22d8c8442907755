// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.tax.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import de.openrathaus.tax.DogTaxAssessment;
import de.openrathaus.tax.DogTaxCase;
import de.openrathaus.tax.DogTaxCategory;
import de.openrathaus.tax.Money;

/**
 * The statute's arithmetic: liability starts on the first day of the month after the dog came into
 * the household; each calendar year is taxed by the months of liability in it, a twelfth of the
 * annual rate per month.
 */
final class DogTaxCalculator {

	private DogTaxCalculator() {
	}

	static DogTaxCategory category(DogTaxCase dogCase) {
		if (dogCase.dangerous()) {
			return DogTaxCategory.DANGEROUS_DOG;
		}
		return switch (dogCase.dogsAlreadyTaxed()) {
			case 0 -> DogTaxCategory.FIRST_DOG;
			case 1 -> DogTaxCategory.SECOND_DOG;
			default -> DogTaxCategory.FURTHER_DOG;
		};
	}

	static DogTaxAssessment assess(DogTaxCase dogCase, DogTaxRates rates) {
		DogTaxCategory category = category(dogCase);
		Money annual = rates.annual(category);
		LocalDate liableFrom = dogCase.keptSince().withDayOfMonth(1).plusMonths(1);
		List<DogTaxAssessment.Period> periods = new ArrayList<>();
		Money due = Money.ZERO;
		for (int year = liableFrom.getYear(); year <= Math.max(dogCase.assessedOn().getYear(), liableFrom.getYear()); year++) {
			int firstMonth = year == liableFrom.getYear() ? liableFrom.getMonthValue() : 1;
			int months = 12 - firstMonth + 1;
			Money amount = annual.times(months, 12);
			periods.add(new DogTaxAssessment.Period(year, months, amount));
			due = due.plus(amount);
		}
		return new DogTaxAssessment(category, annual, liableFrom, periods, due);
	}
}
