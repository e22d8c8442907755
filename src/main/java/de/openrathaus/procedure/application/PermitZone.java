// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.application;

import java.util.Map;
import java.util.Optional;

import de.openrathaus.parking.ParkingZones;
import de.openrathaus.parking.ZoneLookup;
import de.openrathaus.procedure.definition.ProcedureDefinition;

import org.springframework.stereotype.Component;

/**
 * The resident parking zone of a procedure whose assessment is {@value #RULE}: derived from the
 * applicant's address (the form does not ask for it), shown to the citizen before paying, checked by
 * the automatic decision and printed on the permit.
 */
@Component
public class PermitZone {

	/** The assessment rule of the resident parking permit. */
	public static final String RULE = "resident-parking";

	static final String STREET = "antragsteller.strasse";
	static final String POSTAL_CODE = "antragsteller.plz";

	private final ParkingZones zones;

	PermitZone(ParkingZones zones) {
		this.zones = zones;
	}

	/** The zone lookup for the answers, if the procedure derives a zone at all. */
	public Optional<ZoneLookup> of(ProcedureDefinition definition, Map<String, String> data) {
		if (!RULE.equals(definition.assessment())) {
			return Optional.empty();
		}
		return Optional.of(zones.lookup(data.getOrDefault(STREET, ""), data.get(POSTAL_CODE)));
	}
}
