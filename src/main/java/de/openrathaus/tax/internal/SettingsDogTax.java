// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.tax.internal;

import de.openrathaus.tax.DogTax;
import de.openrathaus.tax.DogTaxAssessment;
import de.openrathaus.tax.DogTaxCase;
import de.openrathaus.tenancy.Tenants;

import org.springframework.stereotype.Component;

/** The dog tax by the rates configured for the current municipality. */
@Component
class SettingsDogTax implements DogTax {

	private final DogTaxSettings settings;
	private final Tenants tenants;

	SettingsDogTax(DogTaxSettings settings, Tenants tenants) {
		this.settings = settings;
		this.tenants = tenants;
	}

	@Override
	public DogTaxAssessment assess(DogTaxCase dogCase) {
		String slug = tenants.current().slug();
		return DogTaxCalculator.assess(dogCase, settings.ratesOf(slug));
	}
}
