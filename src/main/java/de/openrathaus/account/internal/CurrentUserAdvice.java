// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import de.openrathaus.account.SignedInUser;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Offers every page the signed-in user (for the header: name, sign-out, navigation). */
@ControllerAdvice
class CurrentUserAdvice {

	@ModelAttribute("currentUser")
	@Nullable
	SignedInUser currentUser() {
		return SignedInUserWebConfiguration.current();
	}
}
