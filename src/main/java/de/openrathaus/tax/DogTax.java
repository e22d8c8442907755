// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.tax;

/** Computes the dog tax by the rates of the municipality bound to the current request. */
public interface DogTax {

	DogTaxAssessment assess(DogTaxCase dogCase);
}
