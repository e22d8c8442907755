// SPDX-License-Identifier: EUPL-1.2
/**
 * The demo identity providers' signing keys: generated once into the data directory (readable only by the owner) and reused on every start. It must never log or publish a private key.
 */
@NullMarked
package de.openrathaus.demoidp.keys;

import org.jspecify.annotations.NullMarked;
