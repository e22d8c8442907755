// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.tax;

/** Rate categories of the dog tax statute (Hundesteuersatzung). */
public enum DogTaxCategory {
	FIRST_DOG, SECOND_DOG, FURTHER_DOG, DANGEROUS_DOG
}
