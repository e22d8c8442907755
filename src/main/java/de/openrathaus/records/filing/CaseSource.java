// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.filing;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import de.openrathaus.procedure.ApplicationId;

/**
 * Where a case came from, unique per municipality: an online procedure's application, a call of the
 * records API, or the demo data. Stored as {@code <kind>:<key>}, e.g. {@code application:<uuid>},
 * which also makes filing the same submission twice create no second case.
 */
public record CaseSource(Kind kind, String key) {

	public enum Kind {

		APPLICATION("application"), API("api"), DEMO("demo");

		private final String prefix;

		Kind(String prefix) {
			this.prefix = prefix;
		}
	}

	public CaseSource {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(key, "key");
	}

	public static CaseSource application(ApplicationId application) {
		return new CaseSource(Kind.APPLICATION, application.value().toString());
	}

	/** A case created through the records API under this case reference. */
	public static CaseSource api(String reference) {
		return new CaseSource(Kind.API, reference);
	}

	public static CaseSource demo(String reference) {
		return new CaseSource(Kind.DEMO, reference);
	}

	/** The source as stored; empty for text of no known kind. */
	public static Optional<CaseSource> parse(String stored) {
		int colon = stored.indexOf(':');
		return colon < 0 ? Optional.empty()
				: Arrays.stream(Kind.values()).filter(kind -> kind.prefix.equals(stored.substring(0, colon))).findFirst()
					.map(kind -> new CaseSource(kind, stored.substring(colon + 1)));
	}

	/** The application this case files, if it files one. */
	public Optional<ApplicationId> application() {
		return kind == Kind.APPLICATION ? Optional.of(new ApplicationId(UUID.fromString(key))) : Optional.empty();
	}

	/** As stored in {@code records.record_case.source}. */
	public String stored() {
		return kind.prefix + ":" + key;
	}

	@Override
	public String toString() {
		return stored();
	}
}
