// SPDX-License-Identifier: EUPL-1.2
/**
 * PAdES sealing and its validation with the EU's DSS library: B-LT with the revocation data of the
 * seal's CA (the demo CA's CRL, made in process; or fetched online with a timeout for a configured
 * key), B-T otherwise; timestamps from the in-process demo TSA or a configured RFC 3161 authority.
 */
@NullMarked
package de.openrathaus.seal.signing;

import org.jspecify.annotations.NullMarked;
