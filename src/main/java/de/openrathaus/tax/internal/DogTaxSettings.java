// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.tax.internal;

import java.util.Map;

import de.openrathaus.tax.Money;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Dog tax rates in euros: {@code openrathaus.tax.dog.defaults.*} for every municipality, overridden
 * per municipality by its slug, e.g. {@code openrathaus.tax.dog.municipalities.musterstadt.first-dog=120.00}.
 */
@ConfigurationProperties("openrathaus.tax.dog")
record DogTaxSettings(Rates defaults, Map<String, Rates> municipalities) {

	DogTaxSettings {
		defaults = defaults == null ? new Rates("156.00", "180.00", "204.00", "624.00") : defaults;
		municipalities = municipalities == null ? Map.of() : Map.copyOf(municipalities);
	}

	DogTaxRates ratesOf(String municipality) {
		Rates rates = municipalities.getOrDefault(municipality, defaults);
		return new DogTaxRates(Money.euros(rates.firstDog()), Money.euros(rates.secondDog()),
				Money.euros(rates.furtherDog()), Money.euros(rates.dangerousDog()));
	}

	/** Annual rates as decimal euro amounts. */
	record Rates(String firstDog, String secondDog, String furtherDog, String dangerousDog) {
	}
}
