// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.application;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No application with this id that the signed-in person may see; answered as 404 so ids reveal nothing. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class ApplicationNotFound extends RuntimeException {

	public ApplicationNotFound() {
		super("application not found", null, false, false);
	}
}
