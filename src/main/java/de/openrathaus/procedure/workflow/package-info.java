// SPDX-License-Identifier: EUPL-1.2
/** The BPMN engine (Flowable) running each submitted application's process. */
@NullMarked
package de.openrathaus.procedure.workflow;

import org.jspecify.annotations.NullMarked;
