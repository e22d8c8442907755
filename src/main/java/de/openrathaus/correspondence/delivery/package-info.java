// SPDX-License-Identifier: EUPL-1.2
/**
 * One outbox for every channel (issue 13, ADR 29): the contract between the outbox and the
 * channels (portal mailbox, e-mail, De-Mail, BundID mailbox, letter). Internal to the
 * correspondence module.
 */
@org.jspecify.annotations.NullMarked
package de.openrathaus.correspondence.delivery;
