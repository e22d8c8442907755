// SPDX-License-Identifier: EUPL-1.2
/**
 * The public OParl 1.1 API ({@code /oparl/v1/}) of the municipality the host names: System, Body,
 * Organization, Person, Membership, Meeting, AgendaItem, Paper, Consultation, File and
 * LegislativeTerm, lists paged in a stable order with the created/modified filters, deletions
 * reported under {@code modified_since}, and the extension properties {@code openrathaus:*} (paper
 * status, vote counts). It must never answer a non-public agenda item, paper, consultation or file.
 */
@NullMarked
package de.openrathaus.council.oparl;

import org.jspecify.annotations.NullMarked;
