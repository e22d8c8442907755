// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.casework;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import de.openrathaus.parking.ZoneLookup;
import de.openrathaus.procedure.application.Application;
import de.openrathaus.procedure.application.ApplicationStore;
import de.openrathaus.procedure.application.PermitZone;
import de.openrathaus.procedure.application.StoredAttachment;
import de.openrathaus.procedure.definition.ProcedureDefinition;
import de.openrathaus.tax.DogTax;
import de.openrathaus.tax.DogTaxAssessment;
import de.openrathaus.tax.DogTaxCase;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The assessment rules a procedure type can name. {@code dog-tax}: the dog tax from the dog's
 * "kept since" date, whether it is dangerous, and how many dogs the keeper already has registered.
 * {@code resident-parking}: the parking permit's zone, derived from the applicant's address, and its
 * validity from the years paid for; no permit without a zone.
 */
@Component
class Assessments {

	private final DogTax dogTax;
	private final ApplicationStore store;
	private final PermitZone zones;

	Assessments(DogTax dogTax, ApplicationStore store, PermitZone zones) {
		this.dogTax = dogTax;
		this.store = store;
		this.zones = zones;
	}

	Assessment assess(Application application, ProcedureDefinition definition, LocalDate on) {
		String rule = definition.assessment();
		if (rule == null) {
			return Assessment.NONE;
		}
		return switch (rule) {
			case "dog-tax" -> dogTax(application, on);
			case PermitZone.RULE -> residentParking(application, definition, on);
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

	private Assessment residentParking(Application application, ProcedureDefinition definition, LocalDate on) {
		ZoneLookup lookup = zones.of(definition, application.data()).orElseThrow();
		if (!lookup.found()) {
			return new Assessment(null, Map.of("zoneLookup", lookup), "casework.parking.noZone");
		}
		Map<String, String> data = application.data();
		ResidentParkingPermit permit = new ResidentParkingPermit(lookup.zone(), data.getOrDefault("fahrzeug.kennzeichen", ""),
				(data.getOrDefault("antragsteller.vorname", "") + " " + data.getOrDefault("antragsteller.nachname", "")).strip(),
				data.getOrDefault("antragsteller.strasse", ""),
				(data.getOrDefault("antragsteller.plz", "") + " " + data.getOrDefault("antragsteller.ort", "")).strip(), on,
				ResidentParkingPermit.validUntil(on, ResidentParkingPermit.years(data)));
		return new Assessment(null, Map.of("zoneLookup", lookup, "permit", permit));
	}

	/** Whether the procedure type's rule can decide an application without a clerk (so far only the parking permit's). */
	static boolean decidesAutomatically(ProcedureDefinition definition) {
		return PermitZone.RULE.equals(definition.assessment());
	}

	/**
	 * Why the system may not approve this application by itself (a message key the clerk sees), or null
	 * if it may: the rule found everything it needs (for the parking permit: the address in a zone) and
	 * every document the form requires is there.
	 */
	@Nullable
	String automaticObstacle(Application application, ProcedureDefinition definition, Assessment assessment) {
		if (assessment.obstacle() != null) {
			return assessment.model().get("zoneLookup") instanceof ZoneLookup lookup
					? "casework.automatic.zone." + lookup.result().name() : assessment.obstacle();
		}
		Set<String> present = store.attachments(application.id()).stream().filter(a -> a.exchangeId() == null)
			.map(StoredAttachment::fieldKey).collect(Collectors.toSet());
		boolean complete = definition.visibleSteps(application.data()).stream()
			.flatMap(step -> step.attachments().stream())
			.filter(a -> a.required() && definition.isAsked(a.key(), application.data()))
			.allMatch(a -> present.contains(a.key()));
		return complete ? null : "casework.automatic.documents";
	}
}
