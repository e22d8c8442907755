// SPDX-License-Identifier: EUPL-1.2
/**
 * The metadata of the service providers the demo identity provider trusts (fetched from configured addresses with timeouts, cached) and the identity provider's own metadata. It must never fetch an address the configuration does not name.
 */
@NullMarked
package de.openrathaus.demoidp.metadata;

import org.jspecify.annotations.NullMarked;
