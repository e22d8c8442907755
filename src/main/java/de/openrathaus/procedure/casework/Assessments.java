// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.casework;

import java.time.LocalDate;
import java.util.Map;

import de.openrathaus.procedure.application.Application;
import de.openrathaus.procedure.application.ApplicationStore;
import de.openrathaus.procedure.definition.ProcedureDefinition;
import de.openrathaus.tax.DogTax;
import de.openrathaus.tax.DogTaxAssessment;
import de.openrathaus.tax.DogTaxCase;

import org.springframework.stereotype.Component;

/**
 * The assessment rules a procedure type can name. {@code dog-tax}: the dog tax from the dog's
 * "kept since" date, whether it is dangerous, and how many dogs the keeper already has registered.
 */
@Component
class Assessments {

	private final DogTax dogTax;
	private final ApplicationStore store;

	Assessments(DogTax dogTax, ApplicationStore store) {
		this.dogTax = dogTax;
		this.store = store;
	}

	Assessment assess(Application application, ProcedureDefinition definition, LocalDate on) {
		String rule = definition.assessment();
		if (rule == null) {
			return Assessment.NONE;
		}
		return switch (rule) {
			case "dog-tax" -> dogTax(application, on);
			default -> throw new IllegalStateException("Unknown assessment rule " + rule + " in " + definition.key());
		};
	}

	private Assessment dogTax(Application application, LocalDate on) {
		LocalDate keptSince = LocalDate.parse(application.data().get("hund.gehalten_seit"));
		boolean dangerous = "true".equals(application.data().get("hund.gefaehrlich"));
		int already = store.countApproved(application.applicant(), application.typeKey());
		DogTaxAssessment tax = dogTax.assess(new DogTaxCase(keptSince, already, dangerous, on));
		return new Assessment(tax.dueNow().cents(), Map.of("tax", tax, "dogsAlreadyTaxed", already));
	}
}
