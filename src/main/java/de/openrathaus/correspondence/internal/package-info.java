// SPDX-License-Identifier: EUPL-1.2
/** Outbox, mail transports (pickup folder, SMTP), the portal mailbox and the demo mail viewer. */
@NullMarked
package de.openrathaus.correspondence.internal;

import org.jspecify.annotations.NullMarked;
