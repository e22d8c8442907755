// SPDX-License-Identifier: EUPL-1.2
package architecturefixtures;

import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;

/** Breaks the rule on purpose (see {@code PublicTypeInInternal}). */
@Controller
class TransactionalController {

	@Transactional
	String page() {
		return "page";
	}
}
