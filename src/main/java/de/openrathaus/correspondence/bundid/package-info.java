// SPDX-License-Identifier: EUPL-1.2
/**
 * The BundID mailbox (Zentrales Bürgerpostfach, ZBP) as a channel: messages and decisions go to the
 * mailbox of a citizen who signed in with BundID, over the ZBP's REST interface with a client
 * certificate and a signed message. Internal to the correspondence module.
 */
@org.jspecify.annotations.NullMarked
package de.openrathaus.correspondence.bundid;
