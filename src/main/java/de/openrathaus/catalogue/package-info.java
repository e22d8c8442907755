// SPDX-License-Identifier: EUPL-1.2
/**
 * Process catalogue (Prozesskatalog, SPEC C2): every process of every department with the fields
 * of the survey, its review from draft to reviewed, the board's versioned prioritisation weights
 * with an explained ranking and portfolio chart, the measure plan, and the EGovG NRW compliance
 * view measured from the running platform.
 */
@NullMarked
package de.openrathaus.catalogue;

import org.jspecify.annotations.NullMarked;
