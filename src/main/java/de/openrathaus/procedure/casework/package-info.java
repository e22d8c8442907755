// SPDX-License-Identifier: EUPL-1.2
/**
 * The clerk's side: the department's worklist, claiming a case, asking the applicant for
 * information, and the decision with its assessment (e.g. dog tax) and its PDF/A document. Also
 * {@link de.openrathaus.procedure.Applications}, the case as other modules see it and dispose of it.
 */
@NullMarked
package de.openrathaus.procedure.casework;

import org.jspecify.annotations.NullMarked;
