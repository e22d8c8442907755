// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.tax;

import java.time.LocalDate;
import java.util.List;

/**
 * The dog tax for one dog.
 *
 * @param category which rate applies
 * @param annual the tax for a full calendar year
 * @param liableFrom the first day of tax liability (first day of the month after the dog came)
 * @param periods the amounts for each calendar year from the start of liability up to the year of assessment
 * @param dueNow the sum of those periods
 */
public record DogTaxAssessment(DogTaxCategory category, Money annual, LocalDate liableFrom, List<Period> periods,
		Money dueNow) {

	public DogTaxAssessment {
		periods = List.copyOf(periods);
	}

	/** Tax for the months of one calendar year. */
	public record Period(int year, int months, Money amount) {
	}
}
