// SPDX-License-Identifier: EUPL-1.2
/**
 * Encrypted and signed e-mail (§ 3 (1) EGovG NRW): the citizen's S/MIME certificate or OpenPGP
 * public key, checked on upload, and the municipality's S/MIME signing key. A decision goes out by
 * mail only encrypted to a key the citizen stored. Internal to the correspondence module; never
 * logs a key, an address or a mail's content.
 */
@org.jspecify.annotations.NullMarked
package de.openrathaus.correspondence.securemail;
