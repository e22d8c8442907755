// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.parking.zones;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No zone (or street of the zone) with this code or id in this municipality: answered as 404. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class ZoneNotFound extends RuntimeException {

	ZoneNotFound() {
		super(null, null, false, false);
	}
}
