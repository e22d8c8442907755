// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.council.oparl;

import java.util.Arrays;
import java.util.Optional;

/**
 * The OParl object types this API serves, each with its path segment, its table and the condition
 * that keeps non-public rows out (for everything it answers, lists and single objects alike).
 */
enum OParlKind {
	ORGANIZATION("Organization", "organization", "council.organization x", "true"),
	PERSON("Person", "person", "council.person x", "true"),
	MEMBERSHIP("Membership", "membership", "council.membership x", "true"),
	MEETING("Meeting", "meeting", "council.meeting x", "true"),
	AGENDA_ITEM("AgendaItem", "agendaItem", "council.agenda_item x left join council.resolution_control r on r.agenda_item_id = x.id and not r.deleted",
			"x.public"),
	PAPER("Paper", "paper", "council.paper x", "x.public"),
	CONSULTATION("Consultation", "consultation", "council.consultation x join council.paper p on p.id = x.paper_id", "x.public and p.public"),
	FILE("File", "file", "council.paper_file x join council.paper p on p.id = x.paper_id", "p.public"),
	LEGISLATIVE_TERM("LegislativeTerm", "legislativeTerm", "council.legislative_term x", "true"),
	/** Where a meeting takes place: the place the council office entered for it, one Location per meeting that names one. */
	LOCATION("Location", "location", "council.meeting x", "x.location is not null");

	static final String SCHEMA = "https://schema.oparl.org/1.1/";

	private final String type;
	private final String segment;
	private final String from;
	private final String visible;

	OParlKind(String type, String segment, String from, String visible) {
		this.type = type;
		this.segment = segment;
		this.from = from;
		this.visible = visible;
	}

	String type() {
		return SCHEMA + type;
	}

	String segment() {
		return segment;
	}

	String from() {
		return from;
	}

	String visible() {
		return visible;
	}

	static Optional<OParlKind> bySegment(String segment) {
		return Arrays.stream(values()).filter(kind -> kind.segment.equals(segment)).findFirst();
	}
}
