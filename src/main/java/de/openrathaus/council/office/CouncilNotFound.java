// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.council.office;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such body, person, meeting, paper or agenda item in this municipality: answered as 404. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class CouncilNotFound extends RuntimeException {

	CouncilNotFound() {
		super(null, null, false, false);
	}
}
