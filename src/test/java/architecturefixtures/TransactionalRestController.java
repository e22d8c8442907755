// SPDX-License-Identifier: EUPL-1.2
package architecturefixtures;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

/** Breaks the rule on purpose, for the whole class (see {@code PublicTypeInInternal}). */
@RestController
@Transactional
class TransactionalRestController {

	String resource() {
		return "resource";
	}
}
