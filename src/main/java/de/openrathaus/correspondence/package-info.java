// SPDX-License-Identifier: EUPL-1.2
/**
 * Correspondence with citizens on the channel they chose (§3, §4 EGovG NRW): the portal mailbox
 * (Postfach), encrypted e-mail (SMTP, or a pickup folder in the embedded default) and letters, all
 * through one outbox, and replies by mail read from the city's mailbox. It reacts to other modules'
 * events and publishes {@link ReplyReceived}; it never decides anything about an application or an account.
 */
@NullMarked
package de.openrathaus.correspondence;

import org.jspecify.annotations.NullMarked;
