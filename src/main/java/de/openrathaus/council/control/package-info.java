// SPDX-License-Identifier: EUPL-1.2
/**
 * Resolution control (Beschlusskontrolle): the council office gives a resolution an owning
 * department and a due date; the department's clerks report its status (planned, in progress,
 * done, not feasible with a reason); overdue ones are marked. The public sees the follow-up of public
 * resolutions; who reported is never shown.
 */
@NullMarked
package de.openrathaus.council.control;

import org.jspecify.annotations.NullMarked;
