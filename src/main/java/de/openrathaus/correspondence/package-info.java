// SPDX-License-Identifier: EUPL-1.2
/**
 * Correspondence with citizens on the channel they chose (§3, §4 EGovG NRW): the portal mailbox
 * (Postfach) and e-mail (SMTP, or a pickup folder in the embedded default). It reacts to other
 * modules' events; it never decides anything about an application or an account.
 */
@NullMarked
package de.openrathaus.correspondence;

import org.jspecify.annotations.NullMarked;
