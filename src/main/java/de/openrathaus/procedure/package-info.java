// SPDX-License-Identifier: EUPL-1.2
/**
 * Online procedures (elektronische Verwaltungsverfahren, §5 EGovG NRW): procedure types as data
 * (versioned definitions of forms, attachments, trust level, workflow, decision template, fee
 * rule), the citizen's application from draft to submission, and the clerk's case work on a BPMN
 * engine up to the decision. It publishes what happened to an application as events and never
 * sends mail or writes to another module's data itself.
 */
@NullMarked
package de.openrathaus.procedure;

import org.jspecify.annotations.NullMarked;
