// SPDX-License-Identifier: EUPL-1.2
/**
 * The seal keys per municipality: a configured PKCS#12 keystore or PKCS#11 token, or in the embedded
 * default a demo CA with a seal and a timestamp certificate under it, generated once into the key
 * directory (keystore and its generated password readable by the owner only) and kept across restarts.
 */
@NullMarked
package de.openrathaus.seal.keys;

import org.jspecify.annotations.NullMarked;
