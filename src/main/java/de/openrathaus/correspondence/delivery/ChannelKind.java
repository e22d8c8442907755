// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.delivery;

/**
 * The channels an answer can go out on (§ 4 (1) EGovG NRW: the one the citizen chose). The portal
 * mailbox always receives a copy as the citizen's record; the chosen channel is tracked as its own
 * delivery with a status of its own.
 */
public enum ChannelKind {
	/** The portal mailbox, with proof of when a message was made available and first opened. */
	PORTAL,
	/** E-mail: the document encrypted to the citizen's S/MIME certificate or OpenPGP key; without one a notice only. */
	EMAIL,
	/** De-Mail through the provider's gateway (BSI TR-01201). */
	DE_MAIL,
	/** The BundID mailbox (Zentrales Bürgerpostfach), for accounts signed in with BundID. */
	BUNDID,
	/** A printed letter from the daily print batch. */
	LETTER
}
