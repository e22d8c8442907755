// SPDX-License-Identifier: EUPL-1.2
/**
 * The citizen's side of an online procedure: the service directory, drafts filled step by step,
 * attachments, the summary, the atomic submission with its receipt, the list of the citizen's
 * applications and the answers to a clerk's questions. Also the storage of applications that the
 * case work reads.
 */
@NullMarked
package de.openrathaus.procedure.application;

import org.jspecify.annotations.NullMarked;
