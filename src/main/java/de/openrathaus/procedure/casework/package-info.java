// SPDX-License-Identifier: EUPL-1.2
/**
 * The clerk's side: the department's worklist, claiming a case, asking the applicant for
 * information, and the decision with its assessment (e.g. dog tax) and its PDF/A document.
 */
@NullMarked
package de.openrathaus.procedure.casework;

import org.jspecify.annotations.NullMarked;
