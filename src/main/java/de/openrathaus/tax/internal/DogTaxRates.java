// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.tax.internal;

import de.openrathaus.tax.DogTaxCategory;
import de.openrathaus.tax.Money;

/** Annual rates of a municipality's dog tax statute. */
record DogTaxRates(Money firstDog, Money secondDog, Money furtherDog, Money dangerousDog) {

	Money annual(DogTaxCategory category) {
		return switch (category) {
			case FIRST_DOG -> firstDog;
			case SECOND_DOG -> secondDog;
			case FURTHER_DOG -> furtherDog;
			case DANGEROUS_DOG -> dangerousDog;
		};
	}
}
