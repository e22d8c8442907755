// SPDX-License-Identifier: EUPL-1.2
/**
 * Replies by mail: each case's reply address, the poller that reads the city's mailbox over IMAP,
 * files what names a case and keeps everything else in a triage list for staff. A mail is only
 * marked read in the mailbox after the database holds it, so nothing is lost; it is keyed by its
 * Message-ID, so nothing is filed twice. Internal to the correspondence module.
 */
@org.jspecify.annotations.NullMarked
package de.openrathaus.correspondence.inbound;
