// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.tax;

import java.time.LocalDate;

/**
 * The facts the dog tax depends on.
 *
 * @param keptSince the day the dog came into the household
 * @param dogsAlreadyTaxed how many dogs the keeper already has registered in this municipality
 * @param dangerous a dangerous dog under §3 LHundG NRW or a dog under §10 LHundG NRW
 * @param assessedOn the day of the assessment (the decision)
 */
public record DogTaxCase(LocalDate keptSince, int dogsAlreadyTaxed, boolean dangerous, LocalDate assessedOn) {

	public DogTaxCase {
		if (dogsAlreadyTaxed < 0) {
			throw new IllegalArgumentException("dogs already taxed cannot be negative");
		}
		if (keptSince.isAfter(assessedOn)) {
			throw new IllegalArgumentException("a dog kept from a future day cannot be assessed yet");
		}
	}
}
