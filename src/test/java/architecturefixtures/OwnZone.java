// SPDX-License-Identifier: EUPL-1.2
package architecturefixtures;

import java.time.LocalDate;
import java.time.ZoneId;

/** Breaks the rule on purpose (see {@code PublicTypeInInternal}). */
class OwnZone {

	LocalDate today() {
		return LocalDate.now(ZoneId.of("Europe/Berlin"));
	}

	LocalDate serverToday() {
		return LocalDate.now();
	}
}
